import { Module } from '@nestjs/common';
import { DossierStoreModule } from '../dossiers/dossier-store.module';
import { RatingsController } from './ratings.controller';
import { RatingsService } from './ratings.service';
import { RatingsStore } from './ratings.store';

/** The applicants' ratings of the service: the public form's endpoint, and the state the look-up shows. */
@Module({
  imports: [DossierStoreModule],
  controllers: [RatingsController],
  providers: [RatingsService, RatingsStore],
  exports: [RatingsService],
})
export class RatingsModule {}
