import { CreateCalendarCorrections1765470000000, CreateCalendarDays1763950000000 } from '@onestop/calendar';
import { CreateMessagingTables1763800000000 } from '@onestop/messaging';
import { DatabaseSchema } from '@onestop/platform';
import { CreateReadModel1764900000000 } from './migrations/1764900000000-create-read-model';
import { KeepOpenStockByDay1765000000000 } from './migrations/1765000000000-keep-open-stock-by-day';
import { RollCountersUpByMonth1765100000000 } from './migrations/1765100000000-roll-counters-up-by-month';
import { CountUndeliverableNotices1765200000000 } from './migrations/1765200000000-count-undeliverable-notices';
import { DropUnreadFactIndexes1765300000000 } from './migrations/1765300000000-drop-unread-fact-indexes';
import { DashboardDrillDown1765600000000 } from './migrations/1765600000000-dashboard-drill-down';
import { CountServiceRatings1766500000000 } from './migrations/1766500000000-count-service-ratings';

/** The reporting database: its entities and, in order, the migrations that build it. */
export const reportingSchema: DatabaseSchema = {
  entities: [],
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
