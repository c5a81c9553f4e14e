import { Module } from '@nestjs/common';
import { ReadModelModule } from '../read-model/read-model.module';
import { CountersStore } from './counters.store';
import { DossierEventsController } from './dossier-events.controller';
import { DossierFactStore } from './dossier-fact.store';
import { DossierProjection } from './dossier-projection.service';
import { FactBatches } from './fact-batches.service';
import { ReadModelFreshness } from './read-model-freshness';
import { TaskCommuneFactStore } from './task-commune-fact.store';
import { TaskEventsController } from './task-events.controller';

/** The read model: dossier facts, daily counters (ratings among them) and task standings, projected from the event log. */
@Module({
  imports: [ReadModelModule],
  controllers: [DossierEventsController, TaskEventsController],
  providers: [
    DossierFactStore,
    CountersStore,
    TaskCommuneFactStore,
    FactBatches,
    ReadModelFreshness,
    DossierProjection,
  ],
})
export class ProjectionsModule {}
