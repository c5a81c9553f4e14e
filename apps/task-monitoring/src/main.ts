import 'reflect-metadata';
import { runService } from '@onestop/platform';
import { taskMonitoringService } from './service';

void runService(taskMonitoringService);
