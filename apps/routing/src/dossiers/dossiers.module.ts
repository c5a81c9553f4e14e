import { Module } from '@nestjs/common';
import { EventDataModule } from '@onestop/messaging';
import { OfficersModule } from '../officers/officers.module';
import { ApologiesService } from './apologies.service';
import { AssignmentService } from './assignment.service';
import { DossierAccess } from './dossier-access.service';
import { DossierActionsService } from './dossier-actions.service';
import { DossierEventsController } from './dossier-events.controller';
import { DossierHistoryStore } from './dossier-history.store';
import { DossierRoutingService } from './dossier-routing.service';
import { DossiersController } from './dossiers.controller';
import { RoutedDossiersStore } from './routed-dossiers.store';
import { SignatureOutcomesService } from './signature-outcomes.service';
import { WorkItemsService } from './work-items.service';

@Module({
  imports: [EventDataModule, OfficersModule],
  controllers: [DossiersController, DossierEventsController],
  providers: [
    ApologiesService,
    AssignmentService,
    DossierAccess,
    DossierActionsService,
    DossierHistoryStore,
    DossierRoutingService,
    RoutedDossiersStore,
    SignatureOutcomesService,
    WorkItemsService,
  ],
})
export class DossiersModule {}
