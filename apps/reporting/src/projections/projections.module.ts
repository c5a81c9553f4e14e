import { Module } from '@nestjs/common';
import { ReadModelModule } from '../read-model/read-model.module';
import { CountersStore } from './counters.store';
import { ProjectApology, ProjectOverdue } from './dossier-deadline.handlers';
import { DossierFactStore } from './dossier-fact.store';
import { ProjectIntakeRefusal, ProjectReceipt } from './dossier-intake.handlers';
import { ProjectProcessing, ProjectRouting } from './dossier-processing.handlers';
import { DossierProjection } from './dossier-projection.service';
import { FactBatches } from './fact-batches.service';
import { ReadModelFreshness } from './read-model-freshness';
import { ProjectServiceRating } from './service-rating.handler';
import { ProjectSignedResult } from './signed-result.handler';
import { TaskCommuneFactStore } from './task-commune-fact.store';
import { ProjectTaskAssignment, ProjectTaskAtRisk, ProjectTaskOverdue, ProjectTaskProgress } from './task-commune.handlers';
import { ProjectUndeliverableNotice } from './undeliverable-notice.handler';

/** The read model: dossier facts, daily counters (ratings among them) and task standings, projected from the event log. */
@Module({
  imports: [ReadModelModule],
  providers: [
    DossierFactStore,
    CountersStore,
    TaskCommuneFactStore,
    FactBatches,
    ReadModelFreshness,
    DossierProjection,
    ProjectReceipt,
    ProjectIntakeRefusal,
    ProjectRouting,
    ProjectProcessing,
    ProjectOverdue,
    ProjectApology,
    ProjectSignedResult,
    ProjectUndeliverableNotice,
    ProjectServiceRating,
    ProjectTaskAssignment,
    ProjectTaskProgress,
    ProjectTaskAtRisk,
    ProjectTaskOverdue,
  ],
})
export class ProjectionsModule {}
