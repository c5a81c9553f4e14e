import { Keyring, KeyUsage, keyUsage, rekeyInBatches, RekeyProgress, RekeySource } from '@onestop/platform';
import { ClientBase } from 'pg';
import { openPrivateKey, protectPrivateKey } from './private-key-protection';

/** A server-side key as stored. */
export interface StoredKeyRow {
  id: string;
  pem: string;
  keyId: string;
}

/**
 * Re-encrypts officials' server-side keys that an old KEY_ENCRYPTION_SECRET passphrase still
 * protects, while the service keeps signing with them. Each UPDATE is guarded by the values it
 * read, so a row another writer changed meanwhile is left alone.
 */
export class PrivateKeyRotation implements RekeySource<StoredKeyRow> {
  constructor(
    private readonly db: ClientBase,
    private readonly keys: Keyring,
  ) {}

  run(batchSize: number, log?: Parameters<typeof rekeyInBatches>[2]): Promise<RekeyProgress> {
    return rekeyInBatches(this, batchSize, log);
  }

  async next(afterId: string, limit: number): Promise<StoredKeyRow[]> {
    const { rows } = await this.db.query<StoredKeyRow>(
      `SELECT id, encrypted_private_key AS pem, private_key_secret_id AS "keyId" FROM certificates
        WHERE id > $1 AND encrypted_private_key IS NOT NULL AND private_key_secret_id IS DISTINCT FROM $2
        ORDER BY id LIMIT $3`,
      [afterId, this.keys.current.id, limit],
    );
    return rows;
  }

  async rewrite(rows: StoredKeyRow[]): Promise<number> {
    const rekeyed = rows.map((row) => {
      try {
        return protectPrivateKey(this.keys, openPrivateKey(this.keys, row));
      } catch (error) {
        throw new Error(`certificate ${row.id}: ${(error as Error).message}`);
      }
    });
    const { rowCount } = await this.db.query(
      `UPDATE certificates AS c SET encrypted_private_key = n.pem, private_key_secret_id = n.key_id
         FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[]) AS n(id, old_pem, old_key_id, pem, key_id)
        WHERE c.id = n.id AND c.encrypted_private_key = n.old_pem AND c.private_key_secret_id = n.old_key_id`,
      [rows.map((row) => row.id), rows.map((row) => row.pem), rows.map((row) => row.keyId), rekeyed.map((key) => key.pem), rekeyed.map((key) => key.keyId)],
    );
    return rowCount ?? 0;
  }

  /** Server-side keys per passphrase id. */
  async usage(): Promise<KeyUsage> {
    const { rows } = await this.db.query<{ key: string; rows: number }>(
      'SELECT private_key_secret_id AS key, count(*)::int AS rows FROM certificates WHERE encrypted_private_key IS NOT NULL GROUP BY 1',
    );
    return keyUsage('KEY_ENCRYPTION_SECRET', this.keys, Object.fromEntries(rows.map((row) => [row.key, row.rows])));
  }
}
