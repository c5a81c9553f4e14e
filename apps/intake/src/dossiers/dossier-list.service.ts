import { Injectable } from '@nestjs/common';
import { Principal } from '@onestop/platform';
import { DataSource } from 'typeorm';
import { CitizenIdCipher } from '../applicants/citizen-id.cipher';
import { ListReach, ownFilingsAccount, searchReach, worklistReach } from './dossier-access';
import { DOSSIER_COLUMNS, DossierRecord } from './dossier.record';
import { decodeFilingCursor, encodeFilingCursor } from './dossiers-cursor';
import { officerView } from './dossier-views';
import { DossiersQueryDto } from './dto/dossiers-query.dto';

const DEFAULT_PAGE = 50;

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

/**
 * Dossiers a page at a time, ordered by filing time then id so a page boundary never skips or
 * repeats one: an officer's own list oldest first (the online filings that have waited longest
 * come first); a citizen's dossiers found by ID number, and a signed-in citizen's own filings,
 * newest first.
 */
@Injectable()
export class DossierListService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly cipher: CitizenIdCipher,
  ) {}

  async list(principal: Principal, query: DossiersQueryDto) {
    const after = decodeFilingCursor(query.cursor);
    const limit = query.limit ?? DEFAULT_PAGE;
    const citizenId = query.citizenId;
    const parameters = new QueryParameters();
    const account = citizenId === undefined ? ownFilingsAccount(principal) : null;
    const reach = account !== null ? null : citizenId === undefined ? worklistReach(principal) : searchReach(principal);
    if (account === null && !reach) return { items: [], nextCursor: null };

    const conditions = reach ? reachConditions(reach, parameters) : [`account_subject = ${parameters.add(account)}`];
    if (citizenId !== undefined) {
      // While BLIND_INDEX_KEY rotates, rows carry the index of either key: each is looked up under its own.
      const candidates = this.cipher.blindIndexCandidates(citizenId);
      conditions.push(
        `(citizen_id_index_key, citizen_id_index) IN (SELECT * FROM unnest(${parameters.add(candidates.map((index) => index.keyId))}::text[], ${parameters.add(candidates.map((index) => index.value))}::text[]))`,
      );
    }
    if (query.status !== undefined) conditions.push(`status = ${parameters.add(query.status)}`);
    const newestFirst = citizenId !== undefined || account !== null;
    if (after) conditions.push(`(filed_at, id) ${newestFirst ? '<' : '>'} (${parameters.add(after.filedAt)}::timestamptz, ${parameters.add(after.id)}::uuid)`);
    const direction = newestFirst ? 'DESC' : 'ASC';
    const rows: DossierRecord[] = await this.dataSource.query(
      `SELECT ${DOSSIER_COLUMNS} FROM dossiers WHERE ${conditions.join(' AND ')}
        ORDER BY filed_at ${direction}, id ${direction} LIMIT ${parameters.add(limit + 1)}`,
      parameters.values,
    );

    const page = rows.slice(0, limit);
    const items = page.map((dossier) => officerView(dossier, citizenId ?? this.cipher.decrypt(dossier.citizenIdCiphertext)));
    const last = page.at(-1);
    return { items, nextCursor: rows.length > limit && last ? encodeFilingCursor({ filedAt: last.filedAt.toISOString(), id: last.id }) : null };
  }
}
