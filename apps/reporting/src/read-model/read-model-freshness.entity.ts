import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The latest event one projecting connection has written; the read model is as fresh as the latest of these rows. */
@Entity({ name: 'read_model_freshness' })
export class ReadModelFreshnessEntity {
  /** The connection's backend pid, so concurrent batches never wait for one another's row. */
  @PrimaryColumn('integer')
  connection: number;

  @Column('timestamptz', { name: 'last_event_at' })
  lastEventAt: Date;
}
