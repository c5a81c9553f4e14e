import { Injectable } from '@nestjs/common';
import { selectListOf } from '@onestop/platform';
import { DataSource, EntityManager } from 'typeorm';
import { PreferenceEntity } from './preference.entity';

/** What a person changes; fields left out stay as they are. */
export interface PreferenceChanges {
  channels?: PreferenceEntity['channels'];
  locale?: PreferenceEntity['locale'];
  email?: string | null;
  phone?: string | null;
}

/** People's notification preferences, one row per person who changed theirs. */
@Injectable()
export class PreferencesStore {
  /** Every column under its property name, so raw rows are entities. */
  private readonly columns: string;

  constructor(private readonly dataSource: DataSource) {
    this.columns = selectListOf(dataSource, PreferenceEntity);
  }

  /** The stored preferences of each of these people who has any (in the event's transaction). */
  async ofPeople(tx: EntityManager, personIds: readonly string[]): Promise<Map<string, PreferenceEntity>> {
    if (personIds.length === 0) return new Map();
    // On every event's path: one plain statement, without the ORM's query building.
    const rows: PreferenceEntity[] = await tx.query(
      `SELECT ${this.columns} FROM preferences WHERE person_id = ANY($1)`,
      [personIds],
    );
    return new Map(rows.map((row) => [row.personId, row]));
  }

  ofPerson(personId: string): Promise<PreferenceEntity | null> {
    return this.dataSource.manager.findOneBy(PreferenceEntity, { personId });
  }

  /** Merges the changed switches into the stored ones; an e-mail or phone given as null is cleared. */
  async change(personId: string, changes: PreferenceChanges, at: Date): Promise<PreferenceEntity> {
    const rows: PreferenceEntity[] = await this.dataSource.query(
      `INSERT INTO preferences (person_id, channels, locale, email, phone, updated_at)
       VALUES ($1, $2::jsonb, COALESCE($3, 'vi'), $4, $5, $6)
       ON CONFLICT (person_id) DO UPDATE SET
         channels = preferences.channels || EXCLUDED.channels,
         locale = COALESCE($3, preferences.locale),
         email = CASE WHEN $7 THEN EXCLUDED.email ELSE preferences.email END,
         phone = CASE WHEN $8 THEN EXCLUDED.phone ELSE preferences.phone END,
         updated_at = EXCLUDED.updated_at
       RETURNING ${this.columns}`,
      [
        personId,
        JSON.stringify(changes.channels ?? {}),
        changes.locale ?? null,
        changes.email ?? null,
        changes.phone ?? null,
        at,
        changes.email !== undefined,
        changes.phone !== undefined,
      ],
    );
    return rows[0];
  }
}
