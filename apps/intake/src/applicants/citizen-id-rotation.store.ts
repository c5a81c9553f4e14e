import { ClientBase } from 'pg';

/** A dossier's citizen ID columns as stored. */
export interface CitizenIdRow {
  id: string;
  ciphertext: string;
  index: string;
  indexKey: string;
}

/** The key ids a row's citizen ID columns should carry once rotated. */
export interface CurrentCitizenIdKeys {
  encryptionKeyId: string;
  indexKeyId: string;
}

/** A row's citizen ID columns as read and as they should become. */
export interface CitizenIdRewrite {
  read: CitizenIdRow;
  rekeyed: Omit<CitizenIdRow, 'id'>;
}

/** Dossiers' citizen ID columns, read and rewritten for a key rotation over one connection. */
export class CitizenIdRotationStore {
  constructor(private readonly db: ClientBase) {}

  /** Up to `limit` dossiers after `afterId`, in id order, that an old key still protects. */
  async nextUnderOldKeys(afterId: string, current: CurrentCitizenIdKeys, limit: number): Promise<CitizenIdRow[]> {
    const { rows } = await this.db.query<CitizenIdRow>(
      `SELECT id, citizen_id_ciphertext AS ciphertext, citizen_id_index AS index, citizen_id_index_key AS "indexKey"
         FROM dossiers
        WHERE id > $1 AND (split_part(citizen_id_ciphertext, ':', 1) <> $2 OR citizen_id_index_key <> $3)
        ORDER BY id LIMIT $4`,
      [afterId, current.encryptionKeyId, current.indexKeyId, limit],
    );
    return rows;
  }

  /**
   * Writes each row's rekeyed columns where the row still holds what was read, so a row another
   * writer changed meanwhile is left alone. Returns how many rows were written.
   */
  async rewriteUnchanged(rewrites: CitizenIdRewrite[]): Promise<number> {
    // Neither version nor updated_at changes: the dossier says the same, only its protection changed.
    const { rowCount } = await this.db.query(
      `UPDATE dossiers AS d SET citizen_id_ciphertext = n.ciphertext, citizen_id_index = n.index, citizen_id_index_key = n.index_key
         FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[])
           AS n(id, old_ciphertext, old_index, old_index_key, ciphertext, index, index_key)
        WHERE d.id = n.id AND d.citizen_id_ciphertext = n.old_ciphertext AND d.citizen_id_index = n.old_index
          AND d.citizen_id_index_key = n.old_index_key`,
      [
        rewrites.map(({ read }) => read.id),
        rewrites.map(({ read }) => read.ciphertext),
        rewrites.map(({ read }) => read.index),
        rewrites.map(({ read }) => read.indexKey),
        rewrites.map(({ rekeyed }) => rekeyed.ciphertext),
        rewrites.map(({ rekeyed }) => rekeyed.index),
        rewrites.map(({ rekeyed }) => rekeyed.indexKey),
      ],
    );
    return rowCount ?? 0;
  }

  /** Dossiers per personal data key, read from the key id that prefixes each ciphertext. */
  rowsPerEncryptionKey(): Promise<Record<string, number>> {
    return this.rowsPerKey(`split_part(citizen_id_ciphertext, ':', 1)`);
  }

  /** Dossiers per blind index key. */
  rowsPerIndexKey(): Promise<Record<string, number>> {
    return this.rowsPerKey('citizen_id_index_key');
  }

  private async rowsPerKey(keyExpression: string): Promise<Record<string, number>> {
    const { rows } = await this.db.query<{ key: string; rows: number }>(
      `SELECT ${keyExpression} AS key, count(*)::int AS rows FROM dossiers GROUP BY 1`,
    );
    return Object.fromEntries(rows.map((row) => [row.key, row.rows]));
  }
}
