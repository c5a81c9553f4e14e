import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';
import { InboxMessageEntity } from './inbox-message.entity';

/** A message as its owner sees it. */
export type InboxMessage = Pick<
  InboxMessageEntity,
  'id' | 'kind' | 'title' | 'body' | 'dossierCode' | 'createdAt' | 'readAt'
>;

const COLUMNS = `id, kind, title, body, dossier_code AS "dossierCode", created_at AS "createdAt", read_at AS "readAt"`;

/** The in-app inboxes: written by the inbox channel, read by their owners. */
@Injectable()
export class InboxMessagesStore {
  constructor(private readonly dataSource: DataSource) {}

  /** Newest first, after the cursor (a uuid v7 orders by time); up to `limit` rows. */
  page(owner: string, filter: { unreadOnly: boolean; cursor: string | null }, limit: number): Promise<InboxMessage[]> {
    return this.dataSource.query(
      `SELECT ${COLUMNS} FROM inbox_messages
        WHERE owner = $1 AND ($2::boolean IS NOT TRUE OR read_at IS NULL) AND ($3::uuid IS NULL OR id < $3)
        ORDER BY id DESC LIMIT $4`,
      [owner, filter.unreadOnly, filter.cursor, limit],
    );
  }

  async unreadCount(owner: string): Promise<number> {
    const [row]: { unread: number }[] = await this.dataSource.query(
      'SELECT count(*)::int AS unread FROM inbox_messages WHERE owner = $1 AND read_at IS NULL',
      [owner],
    );
    return row.unread;
  }

  /** Marks the owner's message read, keeping the first time it was; null when the owner has no such message. */
  async markRead(owner: string, id: string, at: Date): Promise<InboxMessage | null> {
    const [rows]: [InboxMessage[], number] = await this.dataSource.query(
      `UPDATE inbox_messages SET read_at = COALESCE(read_at, $3) WHERE id = $1 AND owner = $2 RETURNING ${COLUMNS}`,
      [id, owner, at],
    );
    return rows[0] ?? null;
  }

  /** Puts a delivery in its owner's inbox, once even if the delivery is sent twice (a lease expired mid-send); answers the message id. */
  async deliver(
    message: Pick<InboxMessageEntity, 'owner' | 'deliveryId' | 'kind' | 'title' | 'body' | 'dossierCode' | 'createdAt'>,
  ): Promise<string> {
    const rows: { id: string }[] = await this.dataSource.query(
      `INSERT INTO inbox_messages (id, owner, delivery_id, kind, title, body, dossier_code, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
       ON CONFLICT (delivery_id) DO UPDATE SET delivery_id = EXCLUDED.delivery_id RETURNING id`,
      [
        uuidv7(),
        message.owner,
        message.deliveryId,
        message.kind,
        message.title,
        message.body,
        message.dossierCode,
        message.createdAt,
      ],
    );
    return rows[0].id;
  }
}
