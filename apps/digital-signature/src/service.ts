import { PlatformEnv, ServiceDefinition } from '@onestop/platform';
import { AppModule } from './app/app.module';

export const digitalSignatureService: ServiceDefinition<PlatformEnv> = {
  service: 'digital-signature',
  description: "Officials' certificates, PAdES signing of results, verification and time-stamping.",
  envClass: PlatformEnv,
  module: (env, clock) => AppModule.register(env, clock),
};
