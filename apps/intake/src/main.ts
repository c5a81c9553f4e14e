import 'reflect-metadata';
import { runService } from '@onestop/platform';
import { intakeService } from './service';

void runService(intakeService);
