import { DataSource } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';
import { ChannelAdapter, OutgoingMessage, SendOutcome } from './channel-adapter';

/** The in-app inbox: the notice becomes a message its owner lists, counts and marks read. */
export class InboxAdapter implements ChannelAdapter {
  readonly channel = 'inbox';

  constructor(
    private readonly dataSource: DataSource,
    private readonly now: () => Date,
  ) {}

  handles(): boolean {
    return true;
  }

  async send(message: OutgoingMessage): Promise<SendOutcome> {
    // One message per delivery even if the delivery is sent twice (a lease expired mid-send).
    const rows: { id: string }[] = await this.dataSource.query(
      `INSERT INTO inbox_messages (id, owner, delivery_id, kind, title, body, dossier_code, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
       ON CONFLICT (delivery_id) DO UPDATE SET delivery_id = EXCLUDED.delivery_id RETURNING id`,
      [uuidv7(), message.to, message.deliveryId, message.kind, message.subject ?? message.kind, message.body, message.dossierCode, this.now()],
    );
    return { kind: 'accepted', provider: 'inbox', providerReference: rows[0].id };
  }
}
