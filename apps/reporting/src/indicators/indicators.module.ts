import { Module } from '@nestjs/common';
import { ReadModelModule } from '../read-model/read-model.module';
import { CounterSumsStore } from './counter-sums.store';
import { IndicatorQueries } from './indicator-queries.service';
import { IndicatorsController } from './indicators.controller';

/** The leaders' indicators API over the read model. */
@Module({
  imports: [ReadModelModule],
  controllers: [IndicatorsController],
  providers: [IndicatorQueries, CounterSumsStore],
})
export class IndicatorsModule {}
