import { Injectable } from '@nestjs/common';
import { ExpiringSnapshot } from '@onestop/platform';
import { DataSource, EntityManager } from 'typeorm';
import { CalendarDay } from './calendar-day';
import { WorkingCalendar } from './working-calendar';

/** A change made through another service reaches this one as an event; the cache also expires. */
const CACHE_MS = 60_000;

const DAY_COLUMNS = `to_char(date, 'YYYY-MM-DD') AS date, kind, json_build_object('vi', name_vi, 'en', name_en) AS name, basis, source`;

/**
 * The working calendar of this service, read from its `calendar_days` table. It is cached and
 * re-read after every change, so deadlines use the corrected calendar from the next request on;
 * deadlines already computed are stored with their dossiers and do not move.
 */
@Injectable()
export class CalendarStore {
  private readonly snapshot = new ExpiringSnapshot(() => this.load(), CACHE_MS);

  constructor(private readonly dataSource: DataSource) {}

  calendar(): Promise<WorkingCalendar> {
    return this.snapshot.get();
  }

  async days(year: number): Promise<CalendarDay[]> {
    const rows: (CalendarDay & { source: string | null })[] = await this.dataSource.query(
      `SELECT ${DAY_COLUMNS} FROM calendar_days WHERE date >= make_date($1, 1, 1) AND date < make_date($1 + 1, 1, 1) ORDER BY date`,
      [year],
    );
    return rows.map(withoutNullSource);
  }

  /** Replaces one year's exceptions inside the caller's transaction; changes to a year take turns. */
  async replaceYear(tx: EntityManager, year: number, days: readonly CalendarDay[]): Promise<void> {
    await tx.query(`SELECT pg_advisory_xact_lock(hashtext('calendar.year:' || $1))`, [year]);
    await tx.query('DELETE FROM calendar_days WHERE date >= make_date($1, 1, 1) AND date < make_date($1 + 1, 1, 1)', [year]);
    await insertCalendarDays(tx, days);
  }

  /** Forget the cached calendar (after a change committed, here or in another service). */
  invalidate(): void {
    this.snapshot.invalidate();
  }

  private async load(): Promise<WorkingCalendar> {
    const rows: (CalendarDay & { source: string | null })[] = await this.dataSource.query(`SELECT ${DAY_COLUMNS} FROM calendar_days ORDER BY date`);
    return new WorkingCalendar(rows.map(withoutNullSource));
  }
}

/** Inserts calendar exceptions through a transaction's manager or a migration's query runner. */
export async function insertCalendarDays(db: { query(sql: string, parameters: unknown[]): Promise<unknown> }, days: readonly CalendarDay[]): Promise<void> {
  for (const day of days) {
    await db.query('INSERT INTO calendar_days (date, kind, name_vi, name_en, basis, source) VALUES ($1, $2, $3, $4, $5, $6)', [
      day.date,
      day.kind,
      day.name.vi,
      day.name.en,
      day.basis,
      day.source ?? null,
    ]);
  }
}

function withoutNullSource(row: CalendarDay & { source: string | null }): CalendarDay {
  const { source, ...day } = row;
  return source === null ? day : { ...day, source };
}
