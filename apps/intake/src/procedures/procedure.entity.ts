import { ProcedureDefinition } from '@onestop/reference-data';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One version of a procedure of the catalogue, as the catalogue defines it. */
@Entity({ name: 'procedures' })
export class ProcedureEntity {
  @PrimaryColumn('text')
  code!: string;

  @PrimaryColumn('int')
  version!: number;

  /** YYYY-MM-DD. */
  @Column('date', { name: 'effective_from' })
  effectiveFrom!: string;

  @Column('jsonb')
  definition!: ProcedureDefinition;
}
