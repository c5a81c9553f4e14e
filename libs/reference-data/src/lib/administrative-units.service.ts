import { Injectable } from '@nestjs/common';
import { ExpiringSnapshot } from '@onestop/platform';
import { DataSource } from 'typeorm';
import { AdministrativeUnit, isReceivingUnit } from './administrative-unit';
import { UNIT_COLUMNS } from './administrative-units.sql';

/** A chain of successors longer than this is a data error (a cycle), not a reorganisation. */
const MAX_SUCCESSION = 10;

/**
 * Units change by reorganisation or a new service point: rarely. Every filing looks up two or
 * three of them, so the table (a few thousand rows) is held in memory and re-read this often.
 */
const SNAPSHOT_MS = 60_000;

/** Reads the unit table of the service's own database. */
@Injectable()
export class AdministrativeUnits {
  private readonly snapshot = new ExpiringSnapshot(() => this.loadAll(), SNAPSHOT_MS);

  constructor(private readonly dataSource: DataSource) {}

  async find(code: string): Promise<AdministrativeUnit | null> {
    return (await this.snapshot.get()).get(code) ?? null;
  }

  /** The unit in force on `date` (YYYY-MM-DD): the unit itself, or the successor that took it over. */
  async current(code: string, date: string): Promise<AdministrativeUnit | null> {
    let unit = await this.find(code);
    for (let step = 0; unit && step < MAX_SUCCESSION; step += 1) {
      const closed = unit.effectiveTo !== null && unit.effectiveTo <= date;
      if (!closed) return unit.effectiveFrom <= date ? unit : null;
      unit = unit.successorCode ? await this.find(unit.successorCode) : null;
    }
    return null;
  }

  /** A commune centre, service point or department desk open on `date`. */
  async receivingUnit(code: string, date: string): Promise<AdministrativeUnit | null> {
    const unit = await this.find(code);
    if (!unit || !isReceivingUnit(unit) || unit.effectiveFrom > date) return null;
    return unit.effectiveTo === null || unit.effectiveTo > date ? unit : null;
  }

  async list(filter: { provinceCode?: string; kind?: AdministrativeUnit['kind'] }): Promise<AdministrativeUnit[]> {
    return this.dataSource.query(
      `SELECT ${UNIT_COLUMNS} FROM administrative_units
        WHERE ($1::text IS NULL OR province_code = $1 OR code = $1) AND ($2::text IS NULL OR kind = $2)
        ORDER BY code`,
      [filter.provinceCode ?? null, filter.kind ?? null],
    );
  }

  /** Registers a service point (e.g. a post office) that receives dossiers for a commune. */
  async addServicePoint(point: {
    code: string;
    name: string;
    nameEn: string;
    parentCode: string;
    provinceCode: string;
    effectiveFrom: string;
  }): Promise<AdministrativeUnit> {
    await this.dataSource.query(
      `INSERT INTO administrative_units (code, kind, name, name_en, subkind, province_code, parent_code, effective_from)
       VALUES ($1, 'service-point', $2, $3, 'Service point', $4, $5, $6)`,
      [point.code, point.name, point.nameEn, point.provinceCode, point.parentCode, point.effectiveFrom],
    );
    this.snapshot.invalidate();
    return (await this.find(point.code))!;
  }

  private async loadAll(): Promise<Map<string, AdministrativeUnit>> {
    const rows: AdministrativeUnit[] = await this.dataSource.query(`SELECT ${UNIT_COLUMNS} FROM administrative_units`);
    return new Map(rows.map((unit) => [unit.code, unit]));
  }
}
