import 'reflect-metadata';
import { runService } from '@onestop/platform';
import { routingService } from './service';

void runService(routingService);
