import { Global, Module } from '@nestjs/common';
import { DigitalSignatureEnv } from '../digital-signature.env';
import { ensureDevelopmentPki, PKI_MATERIAL, readPkiDirectory } from './pki-directory';
import { TimeStampService } from './time-stamp.service';
import { TimeStampStore } from './time-stamp.store';
import { TsaController } from './tsa.controller';

@Global()
@Module({
  providers: [
    {
      provide: PKI_MATERIAL,
      inject: [DigitalSignatureEnv],
      useFactory: async (env: DigitalSignatureEnv) => {
        // Outside production a missing directory gets the development PKI; production must mount one.
        if (env.NODE_ENV !== 'production') await ensureDevelopmentPki(env.PKI_DIR, env.keyEncryptionKeys);
        return readPkiDirectory(env.PKI_DIR, env.keyEncryptionKeys);
      },
    },
    TimeStampService,
    TimeStampStore,
  ],
  controllers: [TsaController],
  exports: [PKI_MATERIAL, TimeStampService],
})
export class PkiModule {}
