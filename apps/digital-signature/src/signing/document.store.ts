import { Injectable } from '@nestjs/common';
import { sha256 } from '@onestop/pades';
import { selectListOf } from '@onestop/platform';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { DocumentEntity } from './document.entity';

/** The PDFs kept here. Both statements are on the signing path: plain SQL, no query building. */
@Injectable()
export class DocumentStore {
  private readonly columns: string;

  constructor(private readonly dataSource: DataSource) {
    this.columns = selectListOf(dataSource, DocumentEntity);
  }

  /** Stores a document under a new id, with the SHA-256 of its content. */
  async insert(tx: EntityManager, document: Omit<DocumentEntity, 'id' | 'sha256'>): Promise<DocumentEntity> {
    const stored: DocumentEntity = { ...document, id: randomUUID(), sha256: sha256(document.content).toString('hex') };
    await tx.query(
      `INSERT INTO documents (id, dossier_id, dossier_code, province_code, unit_code, receiving_unit_code, applicant_subject, kind, sha256, content, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
      [
        stored.id,
        stored.dossierId,
        stored.dossierCode,
        stored.provinceCode,
        stored.unitCode,
        stored.receivingUnitCode,
        stored.applicantSubject,
        stored.kind,
        stored.sha256,
        stored.content,
        stored.createdAt,
      ],
    );
    return stored;
  }

  async find(id: string, tx: EntityManager = this.dataSource.manager): Promise<DocumentEntity | null> {
    const rows: DocumentEntity[] = await tx.query(`SELECT ${this.columns} FROM documents WHERE id = $1`, [id]);
    return rows[0] ?? null;
  }
}
