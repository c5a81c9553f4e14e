import { sha256 } from '@onestop/pades';
import { isProvinceWide, isUnitOfficer, Principal } from '@onestop/platform';
import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';

export interface StoredDocument {
  id: string;
  dossierId: string | null;
  dossierCode: string | null;
  provinceCode: string;
  /** The unit processing the dossier, or the signer's unit for an uploaded document; null before it was kept. */
  unitCode: string | null;
  receivingUnitCode: string | null;
  /** The applicant's citizen account, where the dossier was filed with one. */
  applicantSubject: string | null;
  kind: 'result' | 'signed';
  sha256: string;
  content: Buffer;
  createdAt: Date;
}

export const DOCUMENT_COLUMNS = `id, dossier_id AS "dossierId", dossier_code AS "dossierCode", province_code AS "provinceCode",
  unit_code AS "unitCode", receiving_unit_code AS "receivingUnitCode", applicant_subject AS "applicantSubject", kind, sha256, content, created_at AS "createdAt"`;

export async function storeDocument(tx: EntityManager, document: Omit<StoredDocument, 'id' | 'sha256'>): Promise<StoredDocument> {
  const stored = { ...document, id: randomUUID(), sha256: sha256(document.content).toString('hex') };
  await tx.query(
    `INSERT INTO documents (id, dossier_id, dossier_code, province_code, unit_code, receiving_unit_code, applicant_subject, kind, sha256, content, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
    [
      stored.id, stored.dossierId, stored.dossierCode, stored.provinceCode, stored.unitCode, stored.receivingUnitCode, stored.applicantSubject,
      stored.kind, stored.sha256, stored.content, stored.createdAt,
    ],
  );
  return stored;
}

export async function findDocument(tx: EntityManager, id: string): Promise<StoredDocument | null> {
  const rows: StoredDocument[] = await tx.query(`SELECT ${DOCUMENT_COLUMNS} FROM documents WHERE id = $1`, [id]);
  return rows[0] ?? null;
}

/** Who may read a document: a signed result names the applicant. */
export type DocumentReaders = Pick<StoredDocument, 'provinceCode' | 'unitCode' | 'receivingUnitCode' | 'applicantSubject'>;

/** The readers of a document signed over another: the same as the source's. */
export function readersOf(document: StoredDocument): DocumentReaders {
  return { provinceCode: document.provinceCode, unitCode: document.unitCode, receivingUnitCode: document.receivingUnitCode, applicantSubject: document.applicantSubject };
}

/**
 * The province's roles; the officers of the processing and the receiving unit; the applicant's own
 * account. Nobody else, however official: not the other units of the province, nor a unit claim
 * without an officer role.
 */
export function mayRead(principal: Principal, document: DocumentReaders): boolean {
  if (isProvinceWide(principal)) return principal.provinceCode === document.provinceCode;
  if (isUnitOfficer(principal) && principal.provinceCode === document.provinceCode) {
    if (principal.unitCode === document.unitCode || principal.unitCode === document.receivingUnitCode) return true;
  }
  return principal.roles.includes('citizen') && document.applicantSubject !== null && principal.subject === document.applicantSubject;
}
