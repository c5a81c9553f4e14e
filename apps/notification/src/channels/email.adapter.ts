import { createTransport, Transporter } from 'nodemailer';
import { TokenBuckets } from '../rate-limit/token-bucket';
import { ChannelAdapter, OutgoingMessage, SendOutcome } from './channel-adapter';

export interface SmtpSettings {
  url: string;
  from: string;
  /** Connections kept open to the relay; messages go out over them in parallel. */
  connections: number;
  ratePerSecond: number;
}

/** SMTP reply codes 4xx and connection problems are worth retrying; 5xx are not. */
function classify(error: { responseCode?: number; code?: string; message: string }): SendOutcome {
  if (error.responseCode !== undefined && error.responseCode >= 500)
    return { kind: 'permanent-failure', provider: 'smtp', reason: `SMTP ${error.responseCode}: ${error.message}` };
  const reason = error.responseCode
    ? `SMTP ${error.responseCode}: ${error.message}`
    : `${error.code ?? 'network'}: ${error.message}`;
  return { kind: 'temporary-failure', provider: 'smtp', reason };
}

function pooled(url: string, connections: number): string {
  const parsed = new URL(url);
  parsed.searchParams.set('pool', 'true');
  parsed.searchParams.set('maxConnections', String(connections));
  parsed.searchParams.set('maxMessages', 'Infinity');
  return parsed.toString();
}

/** Email over SMTP, plain text, UTF-8 (Vietnamese), over a pool of connections to the relay. */
export class EmailAdapter implements ChannelAdapter {
  readonly channel = 'email';
  private readonly transport: Transporter;

  constructor(
    private readonly settings: SmtpSettings,
    private readonly buckets: TokenBuckets,
  ) {
    this.transport = createTransport(pooled(settings.url, settings.connections), { from: settings.from });
  }

  handles(): boolean {
    return true;
  }

  async send(message: OutgoingMessage): Promise<SendOutcome> {
    const take = await this.buckets.take('smtp', this.settings.ratePerSecond);
    if (!take.taken) return { kind: 'deferred', retryAfterMs: take.retryAfterMs };
    try {
      const info = await this.transport.sendMail({
        to: message.to,
        subject: message.subject ?? '',
        text: message.body,
        // Receivers and our own retries recognise a message sent twice by its id.
        messageId: `<${message.idempotencyKey}@onestop>`,
      });
      return { kind: 'accepted', provider: 'smtp', providerReference: info.messageId };
    } catch (error) {
      return classify(error as { responseCode?: number; code?: string; message: string });
    }
  }

  close(): void {
    this.transport.close();
  }
}
