import { ServiceDefinition } from '@onestop/platform';
import { AppModule } from './app/app.module';
import { DigitalSignatureEnv } from './digital-signature.env';

export const digitalSignatureService: ServiceDefinition<DigitalSignatureEnv> = {
  service: 'digital-signature',
  description: "Officials' certificates, PAdES signing of results, verification and time-stamping.",
  envClass: DigitalSignatureEnv,
  module: (env, clock) => AppModule.register(env, clock),
  // PDFs travel as base64 in JSON or as themselves (verification uploads, RFC 3161 requests).
  bodies: { jsonLimit: '30mb', binary: { types: ['application/pdf', 'application/timestamp-query'], limit: '20mb' } },
};
