import { Injectable } from '@nestjs/common';
import { ExpiringSnapshot } from '@onestop/platform';
import { DataSource, EntityManager } from 'typeorm';
import { CalendarDay } from './calendar-day';
import { ProvinceCalendars } from './province-calendar';
import { WorkingCalendar } from './working-calendar';

/** A change made through another service reaches this one as an event; the cache also expires. */
const CACHE_MS = 60_000;

const DAY_COLUMNS = `to_char(date, 'YYYY-MM-DD') AS date, kind, json_build_object('vi', name_vi, 'en', name_en) AS name, basis, source`;

const IN_YEAR = 'date >= make_date($1, 1, 1) AND date < make_date($1 + 1, 1, 1)';

type DayRow = CalendarDay & { source: string | null };

/** One year of a province's calendar as stored: the national days and the province's corrections. */
export interface StoredCalendarYear {
  national: CalendarDay[];
  corrections: CalendarDay[];
}

/**
 * The working calendars of this service: the national days of its `calendar_days` table and each
 * province's corrections in `calendar_corrections`. They are cached and re-read after every
 * change, so deadlines use the corrected calendar from the next request on; deadlines already
 * computed are stored with their dossiers and do not move.
 */
@Injectable()
export class CalendarStore {
  private readonly snapshot = new ExpiringSnapshot(() => this.load(), CACHE_MS);

  constructor(private readonly dataSource: DataSource) {}

  /** The working calendar of a province: of its dossiers, units and clocks. */
  async calendar(provinceCode: string): Promise<WorkingCalendar> {
    return (await this.snapshot.get()).of(provinceCode);
  }

  /**
   * Every province's calendar as currently cached: read it before a transaction and pick the
   * dossier's province inside, so the transaction never waits for a second connection.
   */
  calendars(): Promise<ProvinceCalendars> {
    return this.snapshot.get();
  }

  /** A year's national days and, for a province, its corrections, read from the database. */
  async year(year: number, provinceCode: string | null): Promise<StoredCalendarYear> {
    const [national, corrections] = await Promise.all([
      this.dataSource.query(`SELECT ${DAY_COLUMNS} FROM calendar_days WHERE ${IN_YEAR} ORDER BY date`, [
        year,
      ]) as Promise<DayRow[]>,
      provinceCode === null
        ? Promise.resolve([] as DayRow[])
        : (this.dataSource.query(
            `SELECT ${DAY_COLUMNS} FROM calendar_corrections WHERE province_code = $2 AND ${IN_YEAR} ORDER BY date`,
            [year, provinceCode],
          ) as Promise<DayRow[]>),
    ]);
    return { national: national.map(withoutNullSource), corrections: corrections.map(withoutNullSource) };
  }

  /**
   * Replaces one year of a province's corrections inside the caller's transaction; changes to a
   * province's year take turns. No other province's calendar, nor the national one, changes.
   */
  async replaceCorrections(
    tx: EntityManager,
    provinceCode: string,
    year: number,
    days: readonly CalendarDay[],
  ): Promise<void> {
    await tx.query(`SELECT pg_advisory_xact_lock(hashtext('calendar.corrections:' || $1 || ':' || $2))`, [
      provinceCode,
      year,
    ]);
    await tx.query(`DELETE FROM calendar_corrections WHERE province_code = $2 AND ${IN_YEAR}`, [year, provinceCode]);
    for (const day of days) {
      await tx.query(
        'INSERT INTO calendar_corrections (province_code, date, kind, name_vi, name_en, basis, source) VALUES ($1, $2, $3, $4, $5, $6, $7)',
        [provinceCode, ...dayValues(day)],
      );
    }
  }

  /**
   * Replaces one year of the national days inside the caller's transaction. Only a version 1
   * WorkingCalendarChanged, published before calendars were per province, does this.
   */
  async replaceNationalYear(tx: EntityManager, year: number, days: readonly CalendarDay[]): Promise<void> {
    await tx.query(`SELECT pg_advisory_xact_lock(hashtext('calendar.year:' || $1))`, [year]);
    await tx.query(`DELETE FROM calendar_days WHERE ${IN_YEAR}`, [year]);
    await insertCalendarDays(tx, days);
  }

  /** Forget the cached calendars (after a change committed, here or in another service). */
  invalidate(): void {
    this.snapshot.invalidate();
  }

  private async load(): Promise<ProvinceCalendars> {
    const [national, corrections]: [DayRow[], Array<DayRow & { provinceCode: string }>] = await Promise.all([
      this.dataSource.query(`SELECT ${DAY_COLUMNS} FROM calendar_days ORDER BY date`),
      this.dataSource.query(
        `SELECT province_code AS "provinceCode", ${DAY_COLUMNS} FROM calendar_corrections ORDER BY province_code, date`,
      ),
    ]);
    const byProvince = new Map<string, CalendarDay[]>();
    for (const { provinceCode, ...day } of corrections) {
      const days = byProvince.get(provinceCode) ?? [];
      days.push(withoutNullSource(day));
      byProvince.set(provinceCode, days);
    }
    return new ProvinceCalendars(national.map(withoutNullSource), byProvince);
  }
}

/** Inserts national calendar days through a transaction's manager or a migration's query runner. */
export async function insertCalendarDays(
  db: { query(sql: string, parameters: unknown[]): Promise<unknown> },
  days: readonly CalendarDay[],
): Promise<void> {
  for (const day of days) {
    await db.query(
      'INSERT INTO calendar_days (date, kind, name_vi, name_en, basis, source) VALUES ($1, $2, $3, $4, $5, $6)',
      dayValues(day),
    );
  }
}

function dayValues(day: CalendarDay): unknown[] {
  return [day.date, day.kind, day.name.vi, day.name.en, day.basis, day.source ?? null];
}

function withoutNullSource(row: DayRow): CalendarDay {
  const { source, ...day } = row;
  return source === null ? day : { ...day, source };
}
