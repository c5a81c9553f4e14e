import { Module } from '@nestjs/common';
import { DocumentStore } from './document.store';
import { PreparationStore } from './preparation.store';
import { SignatureRequestStore } from './signature-request.store';
import { SignatureStore } from './signature.store';

/**
 * The persistence of signing on its own: the certificate registry writes signature requests too
 * (a locked or revoked key fails those waiting for it), and signing uses the registry.
 */
@Module({
  providers: [DocumentStore, SignatureStore, PreparationStore, SignatureRequestStore],
  exports: [DocumentStore, SignatureStore, PreparationStore, SignatureRequestStore],
})
export class SigningStoresModule {}
