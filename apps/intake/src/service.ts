import { ServiceDefinition } from '@onestop/platform';
import { IntakeEnv } from './intake.env';
import { AppModule } from './app/app.module';

export const intakeService: ServiceDefinition<IntakeEnv> = {
  service: 'intake',
  description:
    'Dossier intake for commune centres, service points and citizens: procedures, filing, receipts, queue tickets, public status look-up.',
  envClass: IntakeEnv,
  module: (env, clock) => AppModule.register(env, clock),
};
