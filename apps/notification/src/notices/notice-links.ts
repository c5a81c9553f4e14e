import { Injectable } from '@nestjs/common';
import { NotificationEnv } from '../notification.env';
import { NoticeRecipient } from '../deliveries/notice';

/** Where notices point people, and how officers are addressed. */
@Injectable()
export class NoticeLinks {
  constructor(private readonly env: NotificationEnv) {}

  lookup(code: string): string {
    return this.env.PUBLIC_LOOKUP_URL.replace('{code}', encodeURIComponent(code));
  }

  workItem(dossierId: string): string {
    return this.env.WORKBENCH_URL.replace('{id}', encodeURIComponent(dossierId));
  }

  /** An officer is reached in the inbox, and on the e-mail or phone they gave in their preferences. */
  officer(officerId: string): NoticeRecipient {
    return { key: `officer:${officerId}`, personId: officerId, reach: { email: null, phone: null, account: officerId } };
  }
}
