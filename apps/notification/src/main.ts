import 'reflect-metadata';
import { runService } from '@onestop/platform';
import { notificationService } from './service';

void runService(notificationService);
