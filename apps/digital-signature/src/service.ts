import { ServiceDefinition } from '@onestop/platform';
import { AppModule } from './app/app.module';
import { DigitalSignatureEnv } from './digital-signature.env';

export const digitalSignatureService: ServiceDefinition<DigitalSignatureEnv> = {
  service: 'digital-signature',
  description: "Officials' certificates, PAdES signing of results, verification and time-stamping.",
  envClass: DigitalSignatureEnv,
  module: (env, clock) => AppModule.register(env, clock),
  // PDFs travel as base64 in JSON or as themselves (verification uploads); RFC 3161 requests are small.
  largeBodies: [
    { method: 'POST', path: '/api/v1/signatures', limit: '30mb', media: 'json' },
    { method: 'POST', path: '/api/v1/signatures/preparations', limit: '30mb', media: 'json' },
    { method: 'POST', path: '/api/v1/signatures/preparations/:id/completion', limit: '1mb', media: 'json' },
    { method: 'POST', path: '/api/v1/certificates', limit: '1mb', media: 'json' },
    { method: 'POST', path: '/api/v1/verifications', limit: '20mb', media: ['application/pdf'], public: true },
    { method: 'POST', path: '/api/v1/tsa', limit: '64kb', media: ['application/timestamp-query'], public: true },
  ],
};
