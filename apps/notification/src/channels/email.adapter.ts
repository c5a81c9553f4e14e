import { createTransport, Transporter } from 'nodemailer';
import { ChannelAdapter, OutgoingMessage, SendOutcome } from './channel-adapter';

export interface SmtpSettings {
  url: string;
  from: string;
}

/** SMTP reply codes 4xx and connection problems are worth retrying; 5xx are not. */
function classify(error: { responseCode?: number; code?: string; message: string }): SendOutcome {
  if (error.responseCode !== undefined && error.responseCode >= 500) return { kind: 'permanent-failure', reason: `SMTP ${error.responseCode}: ${error.message}` };
  return { kind: 'temporary-failure', reason: error.responseCode ? `SMTP ${error.responseCode}: ${error.message}` : `${error.code ?? 'network'}: ${error.message}` };
}

/** Email over SMTP, plain text, UTF-8 (Vietnamese), one pooled connection set per service. */
export class EmailAdapter implements ChannelAdapter {
  readonly channel = 'email';
  private readonly transport: Transporter;

  constructor(private readonly settings: SmtpSettings) {
    this.transport = createTransport(settings.url, { from: settings.from });
  }

  async send(message: OutgoingMessage): Promise<SendOutcome> {
    try {
      const info = await this.transport.sendMail({
        to: message.to,
        subject: message.subject ?? '',
        text: message.body,
        // Receivers and our own retries recognise a message sent twice by its id.
        messageId: `<${message.idempotencyKey}@onestop>`,
      });
      return { kind: 'accepted', providerReference: info.messageId };
    } catch (error) {
      return classify(error as { responseCode?: number; code?: string; message: string });
    }
  }

  close(): void {
    this.transport.close();
  }
}
