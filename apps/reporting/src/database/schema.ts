import { CreateCalendarCorrections1765470000000, CreateCalendarDays1763950000000 } from '@onestop/calendar';
import { CreateMessagingTables1763800000000 } from '@onestop/messaging';
import { DatabaseSchema } from '@onestop/platform';
import { DailyCounterEntity } from '../read-model/daily-counter.entity';
import { DossierFactEntity } from '../read-model/dossier-fact.entity';
import { MonthlyCounterEntity } from '../read-model/monthly-counter.entity';
import { ReadModelFreshnessEntity } from '../read-model/read-model-freshness.entity';
import { TaskCommuneFactEntity } from '../read-model/task-commune-fact.entity';
import { CreateReadModel1764900000000 } from './migrations/1764900000000-CreateReadModel';
import { KeepOpenStockByDay1765000000000 } from './migrations/1765000000000-KeepOpenStockByDay';
import { RollCountersUpByMonth1765100000000 } from './migrations/1765100000000-RollCountersUpByMonth';
import { CountUndeliverableNotices1765200000000 } from './migrations/1765200000000-CountUndeliverableNotices';
import { DropUnreadFactIndexes1765300000000 } from './migrations/1765300000000-DropUnreadFactIndexes';
import { DashboardDrillDown1765600000000 } from './migrations/1765600000000-DashboardDrillDown';
import { CountServiceRatings1766500000000 } from './migrations/1766500000000-CountServiceRatings';

/** The reporting database: its entities and, in order, the migrations that build it. */
export const reportingSchema: DatabaseSchema = {
  entities: [
    DossierFactEntity,
    DailyCounterEntity,
    MonthlyCounterEntity,
    TaskCommuneFactEntity,
    ReadModelFreshnessEntity,
  ],
  migrations: [
    CreateMessagingTables1763800000000,
    CreateCalendarDays1763950000000,
    CreateReadModel1764900000000,
    KeepOpenStockByDay1765000000000,
    RollCountersUpByMonth1765100000000,
    CountUndeliverableNotices1765200000000,
    DropUnreadFactIndexes1765300000000,
    CreateCalendarCorrections1765470000000,
    DashboardDrillDown1765600000000,
    CountServiceRatings1766500000000,
  ],
};
