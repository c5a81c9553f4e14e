import { Module } from '@nestjs/common';
import { ReadModelFreshnessStore } from './read-model-freshness.store';

/** What the projections writing the read model and the queries reading it share. */
@Module({
  providers: [ReadModelFreshnessStore],
  exports: [ReadModelFreshnessStore],
})
export class ReadModelModule {}
