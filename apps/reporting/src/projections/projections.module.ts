import { Module } from '@nestjs/common';
import { ProjectIntakeRefusal, ProjectReceipt } from './dossier-intake.handlers';
import { ProjectApology, ProjectOverdue } from './dossier-deadline.handlers';
import { DossierFactStore } from './dossier-fact.store';
import { ProjectProcessing, ProjectRouting } from './dossier-processing.handlers';
import { ReadModelFreshness } from './read-model-freshness';
import { ProjectServiceRating } from './service-rating.handler';
import { ProjectSignedResult } from './signed-result.handler';
import { ProjectUndeliverableNotice } from './undeliverable-notice.handler';
import { ProjectTaskAssignment, ProjectTaskAtRisk, ProjectTaskOverdue, ProjectTaskProgress } from './task-commune.handlers';

/** The read model: dossier facts, daily counters (ratings among them) and task standings, projected from the event log. */
@Module({
  providers: [
    DossierFactStore,
    ReadModelFreshness,
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
