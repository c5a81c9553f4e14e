import { Entity, PrimaryColumn } from 'typeorm';
import { CounterColumns } from './counter-columns';

/** The same counters per month, kept in the same transactions as the days: a year's indicators read twelve rows, not 365. */
@Entity({ name: 'monthly_counters' })
export class MonthlyCounterEntity extends CounterColumns {
  @PrimaryColumn('text', { name: 'province_code' })
  provinceCode: string;

  @PrimaryColumn('text', { name: 'unit_code' })
  unitCode: string;

  @PrimaryColumn('text', { name: 'procedure_code' })
  procedureCode: string;

  /** The first local date of the month, YYYY-MM-01. */
  @PrimaryColumn('date')
  month: string;
}
