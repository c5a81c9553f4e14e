import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A receiving unit's last dossier number of a day: the counter behind its dossier codes. */
@Entity({ name: 'dossier_code_sequences' })
export class DossierCodeSequenceEntity {
  @PrimaryColumn('text', { name: 'unit_code' })
  unitCode!: string;

  /** YYYY-MM-DD, the unit's local day. */
  @PrimaryColumn('date')
  day!: string;

  @Column('int', { name: 'last_number' })
  lastNumber!: number;
}
