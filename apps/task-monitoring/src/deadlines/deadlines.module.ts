import { Module } from '@nestjs/common';
import { AlarmFirer } from './alarm-firer';
import { ApologyService } from './apology.service';
import { ClockKeeper } from './clock-keeper';
import { DeadlineQueries } from './deadline-queries.service';
import { DeadlineScan, DeadlineScanner } from './deadline-scanner';
import { DeadlinesController } from './deadlines.controller';
import { FollowProcessing, FollowRouting, StartClockOnReceipt } from './dossier-clock.handlers';

/** Deadline clocks of dossiers: kept from dossier events, scanned for alarms, queried by officers and leaders. */
@Module({
  controllers: [DeadlinesController],
  providers: [DeadlineScan, DeadlineScanner, AlarmFirer, ClockKeeper, ApologyService, DeadlineQueries, StartClockOnReceipt, FollowRouting, FollowProcessing],
  exports: [DeadlineScan],
})
export class DeadlinesModule {}
