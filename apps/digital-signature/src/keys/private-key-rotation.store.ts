import { ClientBase } from 'pg';

/** A server-side key as stored. */
export interface StoredKeyRow {
  id: string;
  pem: string;
  keyId: string;
}

/** The certificates' server-side keys, as the key rotation reads and rewrites them in batches. */
export class PrivateKeyRotationStore {
  constructor(private readonly db: ClientBase) {}

  /** The next keys, in id order after `afterId`, that a passphrase other than `currentKeyId` protects. */
  async keysNotUnder(currentKeyId: string, afterId: string, limit: number): Promise<StoredKeyRow[]> {
    const { rows } = await this.db.query<StoredKeyRow>(
      `SELECT id, encrypted_private_key AS pem, private_key_secret_id AS "keyId" FROM certificates
        WHERE id > $1 AND encrypted_private_key IS NOT NULL AND private_key_secret_id IS DISTINCT FROM $2
        ORDER BY id LIMIT $3`,
      [afterId, currentKeyId, limit],
    );
    return rows;
  }

  /**
   * Replaces each key by its re-encrypted form where the row still holds what was read: a row
   * another writer changed meanwhile is left alone. Returns the rows replaced.
   */
  async replaceUnchanged(read: StoredKeyRow[], rekeyed: Omit<StoredKeyRow, 'id'>[]): Promise<number> {
    const { rowCount } = await this.db.query(
      `UPDATE certificates AS c SET encrypted_private_key = n.pem, private_key_secret_id = n.key_id
         FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[]) AS n(id, old_pem, old_key_id, pem, key_id)
        WHERE c.id = n.id AND c.encrypted_private_key = n.old_pem AND c.private_key_secret_id = n.old_key_id`,
      [
        read.map((row) => row.id),
        read.map((row) => row.pem),
        read.map((row) => row.keyId),
        rekeyed.map((key) => key.pem),
        rekeyed.map((key) => key.keyId),
      ],
    );
    return rowCount ?? 0;
  }

  /** Server-side keys per passphrase id. */
  async keysPerSecret(): Promise<Record<string, number>> {
    const { rows } = await this.db.query<{ key: string; rows: number }>(
      'SELECT private_key_secret_id AS key, count(*)::int AS rows FROM certificates WHERE encrypted_private_key IS NOT NULL GROUP BY 1',
    );
    return Object.fromEntries(rows.map((row) => [row.key, row.rows]));
  }
}
