import { PlatformEnv, ServiceDefinition } from '@onestop/platform';
import { AppModule } from './app/app.module';

export const routingService: ServiceDefinition<PlatformEnv> = {
  service: 'routing',
  description: "The one-stop workflow: competent-unit resolution, assignment, work queues, actions and each dossier's history.",
  envClass: PlatformEnv,
  module: (env, clock) => AppModule.register(env, clock),
};
