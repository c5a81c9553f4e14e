import { CreateCalendarCorrections1765470000000, CreateCalendarDays1763950000000 } from '@onestop/calendar';
import { CreateMessagingTables1763800000000 } from '@onestop/messaging';
import { DatabaseSchema } from '@onestop/platform';
import { CreateAdministrativeUnits1763900000000 } from '@onestop/reference-data';
import { CreateDeadlineClocks1764600000000 } from './migrations/1764600000000-CreateDeadlineClocks';
import { ApologyEntity } from '../deadlines/apology.entity';
import { DossierClockEntity } from '../deadlines/dossier-clock.entity';
import { EscalationEntity } from '../deadlines/escalation.entity';
import { TaskCommuneEntity } from '../tasks/task-commune.entity';
import { TaskProgressReportEntity } from '../tasks/task-progress-report.entity';
import { TaskEntity } from '../tasks/task.entity';
import { CreateProvinceTasks1764700000000 } from './migrations/1764700000000-CreateProvinceTasks';

/** The task-monitoring database: its entities and, in order, the migrations that build it. */
export const taskMonitoringSchema: DatabaseSchema = {
  entities: [
    DossierClockEntity,
    ApologyEntity,
    EscalationEntity,
    TaskEntity,
    TaskCommuneEntity,
    TaskProgressReportEntity,
  ],
  migrations: [
    CreateMessagingTables1763800000000,
    CreateAdministrativeUnits1763900000000,
    CreateCalendarDays1763950000000,
    CreateDeadlineClocks1764600000000,
    CreateProvinceTasks1764700000000,
    CreateCalendarCorrections1765470000000,
  ],
};
