import { Entity, PrimaryColumn } from 'typeorm';
import { CounterColumns } from './counter-columns';

/** A unit's procedure on one local (UTC+7) day: the events dated that day, never the day they were processed. */
@Entity({ name: 'daily_counters' })
export class DailyCounterEntity extends CounterColumns {
  @PrimaryColumn('text', { name: 'province_code' })
  provinceCode: string;

  @PrimaryColumn('text', { name: 'unit_code' })
  unitCode: string;

  @PrimaryColumn('text', { name: 'procedure_code' })
  procedureCode: string;

  /** A local date, YYYY-MM-DD. */
  @PrimaryColumn('date')
  day: string;
}
