import { EventDataEnv, ServiceDefinition } from '@onestop/platform';
import { AppModule } from './app/app.module';

export const routingService: ServiceDefinition<EventDataEnv> = {
  service: 'routing',
  description:
    "The one-stop workflow: competent-unit resolution, assignment, work queues, actions and each dossier's history.",
  envClass: EventDataEnv,
  module: (env, clock) => AppModule.register(env, clock),
};
