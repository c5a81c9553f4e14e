import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A notice in its owner's in-app inbox: one per delivery. */
@Entity({ name: 'inbox_messages' })
export class InboxMessageEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column('text')
  owner: string;

  @Column('uuid', { name: 'delivery_id' })
  deliveryId: string;

  @Column('text')
  kind: string;

  @Column('text')
  title: string;

  @Column('text')
  body: string;

  @Column('text', { name: 'dossier_code', nullable: true })
  dossierCode: string | null;

  @Column('timestamptz', { name: 'created_at' })
  createdAt: Date;

  @Column('timestamptz', { name: 'read_at', nullable: true })
  readAt: Date | null;
}
