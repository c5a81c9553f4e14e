import { Module } from '@nestjs/common';
import { EventDataModule } from '@onestop/messaging';
import { CitizenIdCipher } from '../applicants/citizen-id.cipher';
import { ProceduresModule } from '../procedures/procedures.module';
import { RatingsModule } from '../ratings/ratings.module';
import { ApologyHandler } from './apology.handler';
import { AppointmentQuoteController } from './appointment-quote.controller';
import { DossierListService } from './dossier-list.service';
import { DossierListStore } from './dossier-list.store';
import { DossierStoreModule } from './dossier-store.module';
import { DossiersController } from './dossiers.controller';
import { DossiersService } from './dossiers.service';
import { FileDossierService } from './file-dossier.service';
import { RoutedHandler, StatusChangedHandler } from './processing-updates.handler';
import { ProcessingUpdatesService } from './processing-updates.service';

@Module({
  imports: [ProceduresModule, EventDataModule, RatingsModule, DossierStoreModule],
  controllers: [DossiersController, AppointmentQuoteController],
  providers: [
    FileDossierService,
    DossiersService,
    DossierListService,
    DossierListStore,
    CitizenIdCipher,
    ProcessingUpdatesService,
    StatusChangedHandler,
    RoutedHandler,
    ApologyHandler,
  ],
})
export class DossiersModule {}
