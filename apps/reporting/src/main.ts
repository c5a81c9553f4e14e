import 'reflect-metadata';
import { runService } from '@onestop/platform';
import { reportingService } from './service';

void runService(reportingService);
