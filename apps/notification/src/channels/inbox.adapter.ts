import { InboxMessagesStore } from '../inbox/inbox-messages.store';
import { ChannelAdapter, OutgoingMessage, SendOutcome } from './channel-adapter';

/** The in-app inbox: the notice becomes a message its owner lists, counts and marks read. */
export class InboxAdapter implements ChannelAdapter {
  readonly channel = 'inbox';

  constructor(
    private readonly messages: InboxMessagesStore,
    private readonly now: () => Date,
  ) {}

  handles(): boolean {
    return true;
  }

  async send(message: OutgoingMessage): Promise<SendOutcome> {
    const id = await this.messages.deliver({
      owner: message.to,
      deliveryId: message.deliveryId,
      kind: message.kind,
      title: message.subject ?? message.kind,
      body: message.body,
      dossierCode: message.dossierCode,
      createdAt: this.now(),
    });
    return { kind: 'accepted', provider: 'inbox', providerReference: id };
  }
}
