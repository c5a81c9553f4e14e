import { Module } from '@nestjs/common';
import { EventDataModule } from '@onestop/messaging';
import { OfficersModule } from '../officers/officers.module';
import { ApologiesService } from './apologies.service';
import { ApologyHandler } from './apology.handler';
import { AssignmentService } from './assignment.service';
import { DossierAccess } from './dossier-access.service';
import { DossierActionsService } from './dossier-actions.service';
import { DossierHistoryStore } from './dossier-history.store';
import { DossierReceivedHandler } from './dossier-received.handler';
import { DossierRoutingService } from './dossier-routing.service';
import { DossiersController } from './dossiers.controller';
import { RoutedDossiersStore } from './routed-dossiers.store';
import { DocumentSignedHandler, SignatureFailedHandler } from './signature-outcome.handlers';
import { SignatureOutcomesService } from './signature-outcomes.service';
import { WorkItemsService } from './work-items.service';

@Module({
  imports: [EventDataModule, OfficersModule],
  controllers: [DossiersController],
  providers: [
    ApologiesService,
    ApologyHandler,
    AssignmentService,
    DossierAccess,
    DossierActionsService,
    DossierHistoryStore,
    DossierReceivedHandler,
    DossierRoutingService,
    DocumentSignedHandler,
    RoutedDossiersStore,
    SignatureFailedHandler,
    SignatureOutcomesService,
    WorkItemsService,
  ],
})
export class DossiersModule {}
