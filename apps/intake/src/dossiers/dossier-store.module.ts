import { Module } from '@nestjs/common';
import { DossierStore } from './dossier.store';
import { PublicHistoryStore } from './public-history.store';

/** The dossiers and their public steps, for the features that read or change them (filing, look-up, rating). */
@Module({ providers: [DossierStore, PublicHistoryStore], exports: [DossierStore, PublicHistoryStore] })
export class DossierStoreModule {}
