import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ProcedureEntity } from './procedure.entity';

/** The procedures table: every version of every procedure of the catalogue. */
@Injectable()
export class ProceduresStore {
  constructor(private readonly dataSource: DataSource) {}

  /** Newest first within a code; the effective date as the YYYY-MM-DD it means. */
  allVersions(): Promise<ProcedureEntity[]> {
    return this.dataSource.query(
      `SELECT code, version, to_char(effective_from, 'YYYY-MM-DD') AS "effectiveFrom", definition FROM procedures ORDER BY code, version DESC`,
    );
  }
}
