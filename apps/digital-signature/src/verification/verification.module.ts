import { Module } from '@nestjs/common';
import { VerificationService } from './verification.service';
import { VerificationStore } from './verification.store';
import { VerificationsController } from './verifications.controller';

/** Verification of signed PDFs, uploaded or found by a dossier's code. */
@Module({
  controllers: [VerificationsController],
  providers: [VerificationStore, VerificationService],
})
export class VerificationModule {}
