import { ServiceDefinition } from '@onestop/platform';
import { AppModule } from './app/app.module';
import { TaskMonitoringEnv } from './task-monitoring.env';

export const taskMonitoringService: ServiceDefinition<TaskMonitoringEnv> = {
  service: 'task-monitoring',
  description: 'Deadline clocks of dossiers and the tasks the province gives its communes.',
  envClass: TaskMonitoringEnv,
  module: (env, clock) => AppModule.register(env, clock),
};
