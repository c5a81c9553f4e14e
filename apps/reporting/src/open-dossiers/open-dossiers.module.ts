import { Module } from '@nestjs/common';
import { OpenDossierQueries } from './open-dossier-queries.service';
import { OpenDossiersController } from './open-dossiers.controller';

/** The drill-down list of late and due-soon dossiers over the read model. */
@Module({
  controllers: [OpenDossiersController],
  providers: [OpenDossierQueries],
})
export class OpenDossiersModule {}
