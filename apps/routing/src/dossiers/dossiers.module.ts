import { Module } from '@nestjs/common';
import { EventDataModule } from '@onestop/messaging';
import { OfficersController } from '../officers/officers.controller';
import { ApologyHandler } from './apology.handler';
import { AssignmentService } from './assignment.service';
import { DossierAccess } from './dossier-access';
import { DossierActionsService } from './dossier-actions.service';
import { DossierReceivedHandler } from './dossier-received.handler';
import { DossiersController } from './dossiers.controller';
import { DocumentSignedHandler, SignatureFailedHandler } from './signature-outcome.handlers';
import { WorkItemsService } from './work-items.service';

@Module({
  imports: [EventDataModule],
  controllers: [DossiersController, OfficersController],
  providers: [ApologyHandler, AssignmentService, DossierAccess, DossierActionsService, DocumentSignedHandler, DossierReceivedHandler, SignatureFailedHandler, WorkItemsService],
})
export class DossiersModule {}
