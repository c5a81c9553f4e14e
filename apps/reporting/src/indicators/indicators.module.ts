import { Module } from '@nestjs/common';
import { IndicatorQueries } from './indicator-queries.service';
import { IndicatorsController } from './indicators.controller';

/** The leaders' indicators API over the read model. */
@Module({
  controllers: [IndicatorsController],
  providers: [IndicatorQueries],
})
export class IndicatorsModule {}
