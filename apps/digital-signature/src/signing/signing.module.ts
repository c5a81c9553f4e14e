import { Module } from '@nestjs/common';
import { EventDataModule } from '@onestop/messaging';
import { CertificatesModule } from '../certificates/certificates.module';
import { ResultSigningService } from './result-signing.service';
import { SignaturesController } from './signatures.controller';
import { SignaturesService } from './signatures.service';
import { SigningEventsController } from './signing-events.controller';
import { SigningService } from './signing.service';
import { SigningStoresModule } from './signing-stores.module';

/** PAdES signatures over HTTP (one step or two) and of the results that decisions ask for. */
@Module({
  imports: [CertificatesModule, SigningStoresModule, EventDataModule],
  controllers: [SignaturesController, SigningEventsController],
  providers: [SigningService, SignaturesService, ResultSigningService],
})
export class SigningModule {}
