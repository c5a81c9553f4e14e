import { CreateCalendarCorrections1765470000000, CreateCalendarDays1763950000000 } from '@onestop/calendar';
import { CreateMessagingTables1763800000000 } from '@onestop/messaging';
import { DatabaseSchema } from '@onestop/platform';
import { CreateAdministrativeUnits1763900000000 } from '@onestop/reference-data';
import { CreateIntakeTables1764000000000 } from './migrations/1764000000000-CreateIntakeTables';
import { SeedProcedureCatalogue1764000000001 } from './migrations/1764000000001-SeedProcedureCatalogue';
import { AddPublicStepNote1764800000000 } from './migrations/1764800000000-AddPublicStepNote';
import { AddCitizenIdIndexKey1766100000000 } from './migrations/1766100000000-AddCitizenIdIndexKey';
import { AddDossierListIndexes1766400000000 } from './migrations/1766400000000-AddDossierListIndexes';
import { AddDossiersByAccountIndex1766600000000 } from './migrations/1766600000000-AddDossiersByAccountIndex';
import { CreateServiceRatings1766500000000 } from './migrations/1766500000000-CreateServiceRatings';
import { DossierCodeSequenceEntity } from '../dossiers/dossier-code-sequence.entity';
import { DossierEntity } from '../dossiers/dossier.entity';
import { PublicStepEntity } from '../dossiers/public-step.entity';
import { ProcedureEntity } from '../procedures/procedure.entity';
import { ServiceRatingEntity } from '../ratings/service-rating.entity';

/** The intake database: its entities and, in order, the migrations that build it. */
export const intakeSchema: DatabaseSchema = {
  entities: [ProcedureEntity, DossierEntity, DossierCodeSequenceEntity, PublicStepEntity, ServiceRatingEntity],
  migrations: [
    CreateMessagingTables1763800000000,
    CreateAdministrativeUnits1763900000000,
    CreateCalendarDays1763950000000,
    CreateIntakeTables1764000000000,
    SeedProcedureCatalogue1764000000001,
    AddPublicStepNote1764800000000,
    CreateCalendarCorrections1765470000000,
    AddCitizenIdIndexKey1766100000000,
    AddDossierListIndexes1766400000000,
    CreateServiceRatings1766500000000,
    AddDossiersByAccountIndex1766600000000,
  ],
};
