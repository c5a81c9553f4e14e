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

  /** The public look-up page with the dossier's code filled in, where its applicant rates the service once the result is handed over. */
  rating(code: string): string {
    const page = new URL(this.env.PUBLIC_LOOKUP_PAGE_URL);
    page.searchParams.set('ma', code);
    return page.toString();
  }

  workItem(dossierId: string): string {
    return this.env.WORKBENCH_URL.replace('{id}', encodeURIComponent(dossierId));
  }

  /** An officer is reached in the inbox, and on the e-mail or phone they gave in their preferences. */
  officer(officerId: string): NoticeRecipient {
    return {
      key: `officer:${officerId}`,
      personId: officerId,
      reach: { email: null, phone: null, account: officerId },
    };
  }
}
