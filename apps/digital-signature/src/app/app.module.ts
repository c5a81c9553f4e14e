import { DynamicModule, Module } from '@nestjs/common';
import { createEventRegistry } from '@onestop/contracts';
import { KafkaReadiness, MessagingModule } from '@onestop/messaging';
import { Clock, PlatformModule } from '@onestop/platform';
import { ReferenceDataModule } from '@onestop/reference-data';
import { CertificatesModule } from '../certificates/certificates.module';
import { digitalSignatureSchema } from '../database/schema';
import { DigitalSignatureEnv } from '../digital-signature.env';
import { PkiModule } from '../pki/pki.module';
import { SigningModule } from '../signing/signing.module';
import { VerificationModule } from '../verification/verification.module';

@Module({})
export class AppModule {
  static register(env: DigitalSignatureEnv, clock?: Clock): DynamicModule {
    return {
      module: AppModule,
      imports: [
        PlatformModule.forRoot({
          service: 'digital-signature',
          env,
          database: digitalSignatureSchema,
          readiness: [KafkaReadiness],
          clock,
        }),
        MessagingModule.forRoot({ service: 'digital-signature', registry: createEventRegistry() }),
        ReferenceDataModule,
        // In the order of the API document's paths (the web client is generated from it); the PKI is global.
        CertificatesModule,
        SigningModule,
        VerificationModule,
        PkiModule,
      ],
    };
  }
}
