import { Module } from '@nestjs/common';
import { ApologyService } from './apology.service';
import { ClockKeeper } from './clock-keeper';
import { DeadlineScanner } from './deadline-scanner';
import { DeadlinesController } from './deadlines.controller';
import { FollowProcessing, FollowRouting, StartClockOnReceipt } from './dossier-clock.handlers';

/** Deadline clocks of dossiers: kept from dossier events, scanned for alarms, queried by officers and leaders. */
@Module({
  controllers: [DeadlinesController],
  providers: [DeadlineScanner, ClockKeeper, ApologyService, StartClockOnReceipt, FollowRouting, FollowProcessing],
  exports: [DeadlineScanner],
})
export class DeadlinesModule {}
