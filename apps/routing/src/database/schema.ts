import { CreateCalendarCorrections1765470000000, CreateCalendarDays1763950000000 } from '@onestop/calendar';
import { CreateMessagingTables1763800000000 } from '@onestop/messaging';
import { DatabaseSchema } from '@onestop/platform';
import { CreateAdministrativeUnits1763900000000 } from '@onestop/reference-data';
import { AddPendingSignatureRequest1764300000000 } from './migrations/1764300000000-AddPendingSignatureRequest';
import { CreateRoutingTables1764100000000 } from './migrations/1764100000000-CreateRoutingTables';
import { AddWorkItemSearchIndexes1766400000000 } from './migrations/1766400000000-AddWorkItemSearchIndexes';
import { DossierHistoryEntity } from '../dossiers/dossier-history.entity';
import { RoutedDossierEntity } from '../dossiers/routed-dossier.entity';
import { OfficerEntity } from '../officers/officer.entity';

/** The routing database: its entities and, in order, the migrations that build it. */
export const routingSchema: DatabaseSchema = {
  entities: [OfficerEntity, RoutedDossierEntity, DossierHistoryEntity],
  migrations: [
    CreateMessagingTables1763800000000,
    CreateAdministrativeUnits1763900000000,
    CreateCalendarDays1763950000000,
    CreateRoutingTables1764100000000,
    AddPendingSignatureRequest1764300000000,
    CreateCalendarCorrections1765470000000,
    AddWorkItemSearchIndexes1766400000000,
  ],
};
