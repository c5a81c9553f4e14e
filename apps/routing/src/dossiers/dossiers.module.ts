import { Module } from '@nestjs/common';
import { OfficersController } from '../officers/officers.controller';
import { AssignmentService } from './assignment.service';
import { DossierAccess } from './dossier-access';
import { DossierActionsService } from './dossier-actions.service';
import { DossierReceivedHandler } from './dossier-received.handler';
import { DossiersController } from './dossiers.controller';
import { ResultSignedHandler } from './result-signed.handler';
import { WorkItemsService } from './work-items.service';

@Module({
  controllers: [DossiersController, OfficersController],
  providers: [AssignmentService, DossierAccess, DossierActionsService, DossierReceivedHandler, ResultSignedHandler, WorkItemsService],
})
export class DossiersModule {}
