import { sha256 } from '@onestop/pades';
import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';

export interface StoredDocument {
  id: string;
  dossierId: string | null;
  dossierCode: string | null;
  provinceCode: string;
  kind: 'result' | 'signed';
  sha256: string;
  content: Buffer;
  createdAt: Date;
}

export const DOCUMENT_COLUMNS = `id, dossier_id AS "dossierId", dossier_code AS "dossierCode", province_code AS "provinceCode", kind, sha256, content, created_at AS "createdAt"`;

export async function storeDocument(tx: EntityManager, document: Omit<StoredDocument, 'id' | 'sha256'>): Promise<StoredDocument> {
  const stored = { ...document, id: randomUUID(), sha256: sha256(document.content).toString('hex') };
  await tx.query(
    `INSERT INTO documents (id, dossier_id, dossier_code, province_code, kind, sha256, content, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [stored.id, stored.dossierId, stored.dossierCode, stored.provinceCode, stored.kind, stored.sha256, stored.content, stored.createdAt],
  );
  return stored;
}

export async function findDocument(tx: EntityManager, id: string): Promise<StoredDocument | null> {
  const rows: StoredDocument[] = await tx.query(`SELECT ${DOCUMENT_COLUMNS} FROM documents WHERE id = $1`, [id]);
  return rows[0] ?? null;
}
