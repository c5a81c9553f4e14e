import { Module } from '@nestjs/common';
import { EventDataModule } from '@onestop/messaging';
import { CitizenIdCipher } from '../applicants/citizen-id.cipher';
import { ProceduresModule } from '../procedures/procedures.module';
import { RatingsModule } from '../ratings/ratings.module';
import { AppointmentQuoteController } from './appointment-quote.controller';
import { DossierEventsController } from './dossier-events.controller';
import { DossierListService } from './dossier-list.service';
import { DossierListStore } from './dossier-list.store';
import { DossierStoreModule } from './dossier-store.module';
import { DossiersController } from './dossiers.controller';
import { DossiersService } from './dossiers.service';
import { FileDossierService } from './file-dossier.service';
import { ProcessingUpdatesService } from './processing-updates.service';

@Module({
  imports: [ProceduresModule, EventDataModule, RatingsModule, DossierStoreModule],
  controllers: [DossiersController, AppointmentQuoteController, DossierEventsController],
  providers: [
    FileDossierService,
    DossiersService,
    DossierListService,
    DossierListStore,
    CitizenIdCipher,
    ProcessingUpdatesService,
  ],
})
export class DossiersModule {}
