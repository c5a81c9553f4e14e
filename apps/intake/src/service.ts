import { PlatformEnv, ServiceDefinition } from '@onestop/platform';
import { AppModule } from './app/app.module';

export const intakeService: ServiceDefinition<PlatformEnv> = {
  service: 'intake',
  description: "Dossier intake for commune centres, service points and citizens: procedures, filing, receipts, queue tickets, public status look-up.",
  envClass: PlatformEnv,
  module: (env, clock) => AppModule.register(env, clock),
};
