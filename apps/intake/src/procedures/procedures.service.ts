import { Injectable } from '@nestjs/common';
import { ProcedureDefinition } from '@onestop/reference-data';
import { DataSource } from 'typeorm';

/** The versioned procedure catalogue. New filings use the version in force; old dossiers keep theirs. */
@Injectable()
export class ProceduresService {
  constructor(private readonly dataSource: DataSource) {}

  /** The version of each procedure in force on `date` (YYYY-MM-DD). */
  async listInForce(date: string): Promise<ProcedureDefinition[]> {
    const rows: { definition: ProcedureDefinition }[] = await this.dataSource.query(
      `SELECT DISTINCT ON (code) definition FROM procedures WHERE effective_from <= $1 ORDER BY code, version DESC`,
      [date],
    );
    return rows.map((row) => row.definition);
  }

  async inForce(code: string, date: string): Promise<ProcedureDefinition | null> {
    const rows: { definition: ProcedureDefinition }[] = await this.dataSource.query(
      `SELECT definition FROM procedures WHERE code = $1 AND effective_from <= $2 ORDER BY version DESC LIMIT 1`,
      [code, date],
    );
    return rows[0]?.definition ?? null;
  }

  async version(code: string, version: number): Promise<ProcedureDefinition | null> {
    const rows: { definition: ProcedureDefinition }[] = await this.dataSource.query(
      'SELECT definition FROM procedures WHERE code = $1 AND version = $2',
      [code, version],
    );
    return rows[0]?.definition ?? null;
  }
}
