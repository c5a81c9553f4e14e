import { PlatformEnv, ServiceDefinition } from '@onestop/platform';
import { AppModule } from './app/app.module';

export const reportingService: ServiceDefinition<PlatformEnv> = {
  service: 'reporting',
  description: 'Indicators for leaders, projected from the event log.',
  envClass: PlatformEnv,
  module: (env, clock) => AppModule.register(env, clock),
};
