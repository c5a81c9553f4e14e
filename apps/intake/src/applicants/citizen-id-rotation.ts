import { KeyUsage, keyUsage, rekeyInBatches, RekeyProgress, RekeySource, UnknownKeyError } from '@onestop/platform';
import { ClientBase } from 'pg';
import { CitizenIdCipher, encryptionKeyIdOf } from './citizen-id.cipher';

/** A dossier's citizen ID columns as stored. */
export interface CitizenIdRow {
  id: string;
  ciphertext: string;
  index: string;
  indexKey: string;
}

/**
 * Re-encrypts and re-indexes the citizen ID numbers of dossiers that an old PERSONAL_DATA_KEY or
 * BLIND_INDEX_KEY key still protects, while intake keeps serving. Each UPDATE is guarded by the
 * values it read, so a row another writer changed meanwhile is left alone.
 */
export class CitizenIdRotation implements RekeySource<CitizenIdRow> {
  constructor(
    private readonly db: ClientBase,
    private readonly cipher: CitizenIdCipher,
  ) {}

  run(batchSize: number, log?: Parameters<typeof rekeyInBatches>[2]): Promise<RekeyProgress> {
    return rekeyInBatches(this, batchSize, log);
  }

  async next(afterId: string, limit: number): Promise<CitizenIdRow[]> {
    const { rows } = await this.db.query<CitizenIdRow>(
      `SELECT id, citizen_id_ciphertext AS ciphertext, citizen_id_index AS index, citizen_id_index_key AS "indexKey"
         FROM dossiers
        WHERE id > $1 AND (split_part(citizen_id_ciphertext, ':', 1) <> $2 OR citizen_id_index_key <> $3)
        ORDER BY id LIMIT $4`,
      [afterId, this.cipher.encryptionKeys.current.id, this.cipher.indexKeys.current.id, limit],
    );
    return rows;
  }

  async rewrite(rows: CitizenIdRow[]): Promise<number> {
    const rekeyed = rows.map((row) => this.rekeyed(row));
    // Neither version nor updated_at changes: the dossier says the same, only its protection changed.
    const { rowCount } = await this.db.query(
      `UPDATE dossiers AS d SET citizen_id_ciphertext = n.ciphertext, citizen_id_index = n.index, citizen_id_index_key = n.index_key
         FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[])
           AS n(id, old_ciphertext, old_index, old_index_key, ciphertext, index, index_key)
        WHERE d.id = n.id AND d.citizen_id_ciphertext = n.old_ciphertext AND d.citizen_id_index = n.old_index
          AND d.citizen_id_index_key = n.old_index_key`,
      [
        rows.map((row) => row.id),
        rows.map((row) => row.ciphertext),
        rows.map((row) => row.index),
        rows.map((row) => row.indexKey),
        rekeyed.map((row) => row.ciphertext),
        rekeyed.map((row) => row.index),
        rekeyed.map((row) => row.indexKey),
      ],
    );
    return rowCount ?? 0;
  }

  /** Rows per key of each setting, read from the columns themselves. */
  async usage(): Promise<KeyUsage[]> {
    const count = async (keyExpression: string) => {
      const { rows } = await this.db.query<{ key: string; rows: number }>(`SELECT ${keyExpression} AS key, count(*)::int AS rows FROM dossiers GROUP BY 1`);
      return Object.fromEntries(rows.map((row) => [row.key, row.rows]));
    };
    return [
      keyUsage('PERSONAL_DATA_KEY', this.cipher.encryptionKeys, await count(`split_part(citizen_id_ciphertext, ':', 1)`)),
      keyUsage('BLIND_INDEX_KEY', this.cipher.indexKeys, await count('citizen_id_index_key')),
    ];
  }

  private rekeyed(row: CitizenIdRow): Omit<CitizenIdRow, 'id'> {
    const encryptionCurrent = encryptionKeyIdOf(row.ciphertext) === this.cipher.encryptionKeys.current.id;
    const indexCurrent = row.indexKey === this.cipher.indexKeys.current.id;
    let citizenId: string;
    try {
      citizenId = this.cipher.decrypt(row.ciphertext);
    } catch (error) {
      if (error instanceof UnknownKeyError) {
        throw new Error(`dossier ${row.id} is encrypted under PERSONAL_DATA_KEY key ${error.keyId}, which the setting no longer holds: put it back after the current key`);
      }
      throw error;
    }
    const index = indexCurrent ? { value: row.index, keyId: row.indexKey } : this.cipher.blindIndex(citizenId);
    return { ciphertext: encryptionCurrent ? row.ciphertext : this.cipher.encrypt(citizenId), index: index.value, indexKey: index.keyId };
  }
}
