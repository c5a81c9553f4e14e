import { Module } from '@nestjs/common';
import { AlarmFirer } from './alarm-firer';
import { ApologyService } from './apology.service';
import { ApologyStore } from './apology.store';
import { ClockKeeper } from './clock-keeper';
import { DeadlineQueries } from './deadline-queries.service';
import { DeadlineScan, DeadlineScanner } from './deadline-scanner';
import { DeadlinesController } from './deadlines.controller';
import { DossierClockStore } from './dossier-clock.store';
import { DossierClocksService } from './dossier-clocks.service';
import { DossierEventsController } from './dossier-events.controller';
import { EscalationStore } from './escalation.store';

/** Deadline clocks of dossiers: kept from dossier events, scanned for alarms, queried by officers and leaders. */
@Module({
  controllers: [DeadlinesController, DossierEventsController],
  providers: [
    DossierClockStore,
    EscalationStore,
    ApologyStore,
    DeadlineScan,
    DeadlineScanner,
    AlarmFirer,
    ClockKeeper,
    ApologyService,
    DeadlineQueries,
    DossierClocksService,
  ],
  exports: [DeadlineScan],
})
export class DeadlinesModule {}
