import { Column, Entity, PrimaryColumn } from 'typeorm';

/** An officer registered with a unit, with the roles dossiers are shared out by. */
@Entity({ name: 'officers' })
export class OfficerEntity {
  /** The officer's account subject at the identity provider. */
  @PrimaryColumn('text')
  subject: string;

  @Column('text', { name: 'unit_code' })
  unitCode: string;

  @Column('text', { array: true })
  roles: string[];

  @Column('boolean', { default: true })
  active: boolean;

  @Column('timestamptz', { name: 'updated_at' })
  updatedAt: Date;
}
