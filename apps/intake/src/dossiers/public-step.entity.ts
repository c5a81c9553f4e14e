import { DossierStatusCode } from '@onestop/contracts';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One step of a dossier's public look-up, keyed by the event that made it so a replay adds nothing. */
@Entity({ name: 'dossier_public_history' })
export class PublicStepEntity {
  /** bigserial: the order of steps recorded at the same instant. */
  @PrimaryColumn('bigint')
  id!: string;

  @Column('uuid', { name: 'dossier_id' })
  dossierId!: string;

  @Column('uuid', { name: 'event_id' })
  eventId!: string;

  @Column('smallint', { name: 'from_status', nullable: true })
  fromStatus!: DossierStatusCode | null;

  @Column('smallint', { name: 'to_status' })
  toStatus!: DossierStatusCode;

  @Column('text')
  action!: string;

  /** What the step tells the applicant in words (why an appointment moved); null where the status says it all. */
  @Column('text', { nullable: true })
  note!: string | null;

  @Column('timestamptz', { name: 'occurred_at' })
  occurredAt!: Date;
}
