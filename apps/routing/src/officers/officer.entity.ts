import { UNIT_ROLES } from '@onestop/contracts';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/** An officer registered with a unit, with the roles dossiers are shared out by. */
@Entity({ name: 'officers' })
export class OfficerEntity {
  /** The officer's account subject at the identity provider. */
  @PrimaryColumn('text')
  subject: string;

  @Column('text', { name: 'unit_code' })
  unitCode: string;

  /** Roles within the unit only; province roles come from the identity provider. */
  @Column('text', { array: true })
  roles: (typeof UNIT_ROLES)[number][];

  @Column('boolean', { default: true })
  active: boolean;

  @Column('timestamptz', { name: 'updated_at' })
  updatedAt: Date;
}
