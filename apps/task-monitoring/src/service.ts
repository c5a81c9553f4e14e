import { PlatformEnv, ServiceDefinition } from '@onestop/platform';
import { AppModule } from './app/app.module';

export const taskMonitoringService: ServiceDefinition<PlatformEnv> = {
  service: 'task-monitoring',
  description: "Deadline clocks of dossiers and the tasks the province gives its communes.",
  envClass: PlatformEnv,
  module: (env, clock) => AppModule.register(env, clock),
};
