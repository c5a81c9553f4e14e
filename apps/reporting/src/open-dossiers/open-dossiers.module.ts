import { Module } from '@nestjs/common';
import { ReadModelModule } from '../read-model/read-model.module';
import { OpenDossierFactsStore } from './open-dossier-facts.store';
import { OpenDossierQueries } from './open-dossier-queries.service';
import { OpenDossiersController } from './open-dossiers.controller';

/** The drill-down list of late and due-soon dossiers over the read model. */
@Module({
  imports: [ReadModelModule],
  controllers: [OpenDossiersController],
  providers: [OpenDossierQueries, OpenDossierFactsStore],
})
export class OpenDossiersModule {}
