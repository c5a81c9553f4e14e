import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { BlindIndex } from '../applicants/citizen-id.cipher';
import { ListReach } from './dossier-access';
import { DossierEntity } from './dossier.entity';
import { DOSSIER_COLUMNS } from './dossier.store';
import { FilingPosition } from './dossiers-cursor';

/** Which dossiers a page holds: those within a reach or filed under an account, narrowed by the filters given. */
export interface DossierPageQuery {
  within: { reach: ListReach } | { accountSubject: string };
  /** A citizen's ID number as looked up under each key of the ring. */
  citizenIdIndexes?: BlindIndex[];
  status?: number;
  /** The last item of the previous page. */
  after: FilingPosition | null;
  newestFirst: boolean;
  limit: number;
}

/** Numbered placeholders for the values of a query built from the filters given. */
class QueryParameters {
  readonly values: unknown[] = [];

  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}

/** The reach as conditions, so each list reads one index: the province's, the desk's or the unit's. */
function reachConditions(reach: ListReach, parameters: QueryParameters): string[] {
  const conditions = [`province_code = ${parameters.add(reach.provinceCode)}`];
  const units: string[] = [];
  if (reach.receivingUnitCode) units.push(`receiving_unit_code = ${parameters.add(reach.receivingUnitCode)}`);
  if (reach.competentUnitCode) units.push(`competent_unit_code = ${parameters.add(reach.competentUnitCode)}`);
  if (units.length > 0) conditions.push(`(${units.join(' OR ')})`);
  return conditions;
}

/** Pages of dossiers by (filed_at, id), so a page boundary never skips or repeats one: keyset paging on the list indexes. */
@Injectable()
export class DossierListStore {
  constructor(private readonly dataSource: DataSource) {}

  /** Up to `limit` dossiers of the page. */
  async page(query: DossierPageQuery): Promise<DossierEntity[]> {
    const parameters = new QueryParameters();
    const conditions =
      'reach' in query.within
        ? reachConditions(query.within.reach, parameters)
        : [`account_subject = ${parameters.add(query.within.accountSubject)}`];
    if (query.citizenIdIndexes) {
      // While BLIND_INDEX_KEY rotates, rows carry the index of either key: each is looked up under its own.
      const indexes = query.citizenIdIndexes;
      conditions.push(
        `(citizen_id_index_key, citizen_id_index) IN (SELECT * FROM unnest(${parameters.add(indexes.map((index) => index.keyId))}::text[], ${parameters.add(indexes.map((index) => index.value))}::text[]))`,
      );
    }
    if (query.status !== undefined) conditions.push(`status = ${parameters.add(query.status)}`);
    if (query.after) {
      conditions.push(
        `(filed_at, id) ${query.newestFirst ? '<' : '>'} (${parameters.add(query.after.filedAt)}::timestamptz, ${parameters.add(query.after.id)}::uuid)`,
      );
    }
    const direction = query.newestFirst ? 'DESC' : 'ASC';
    return this.dataSource.query(
      `SELECT ${DOSSIER_COLUMNS} FROM dossiers WHERE ${conditions.join(' AND ')}
        ORDER BY filed_at ${direction}, id ${direction} LIMIT ${parameters.add(query.limit)}`,
      parameters.values,
    );
  }
}
