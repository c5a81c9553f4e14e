import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** One step of a dossier's audit trail; the table refuses updates and deletes. */
@Entity({ name: 'dossier_history' })
export class DossierHistoryEntity {
  /** bigint: the driver hands it over as a string. */
  @PrimaryGeneratedColumn('increment', { type: 'bigint' })
  id: string;

  @Column('uuid', { name: 'dossier_id' })
  dossierId: string;

  @Column('timestamptz', { name: 'occurred_at' })
  occurredAt: Date;

  @Column('text', { name: 'actor_id' })
  actorId: string;

  @Column('text', { name: 'actor_roles', array: true })
  actorRoles: string[];

  @Column('text', { name: 'actor_unit_code', nullable: true })
  actorUnitCode: string | null;

  @Column('text')
  action: string;

  @Column('text', { name: 'from_state', nullable: true })
  fromState: string | null;

  @Column('text', { name: 'to_state' })
  toState: string;

  @Column('smallint', { name: 'from_status', nullable: true })
  fromStatus: number | null;

  @Column('smallint', { name: 'to_status' })
  toStatus: number;

  @Column('text', { nullable: true })
  reason: string | null;

  @Column('jsonb')
  details: Record<string, unknown>;
}
