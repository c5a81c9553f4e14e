// The reporting service as the workspace's tools see it (the stack tests, the simulation, the
// benchmarks, the read model's rebuild, the migration command): they import it as
// @onestop/reporting, and the module boundaries refuse their reaching past this file into the
// service's internals.
export { reportingService } from './service';
export { reportingSchema } from './database/schema';
export { rebuildReadModel } from './rebuild/read-model-rebuild';
// The simulation checks the indicators against its own ground truth, with the service's formulas.
export { emptyCounts } from './indicators/indicator-counts';
export type { IndicatorCounts } from './indicators/indicator-counts';
export {
  computeIndicators,
  onlineDossierShare,
  onTimeOrWithinDeadlineShare,
  signedElectronicResultShare,
} from './indicators/indicators';
export { IndicatorQueries } from './indicators/indicator-queries.service';
export type { IndicatorReport } from './indicators/indicator-queries.service';
export { scoreCounts } from './indicators/scoring-766';
// The read-model benchmark times the queries the migrations define and the projection runs.
export { openStockChangesSql } from './database/migrations/1765000000000-KeepOpenStockByDay';
export { monthlyRollupSql } from './database/migrations/1765100000000-RollCountersUpByMonth';
export { fieldCodeOf } from './read-model/procedure-fields';
