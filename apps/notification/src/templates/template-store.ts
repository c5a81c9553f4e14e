import { Injectable } from '@nestjs/common';
import { ExpiringSnapshot } from '@onestop/platform';
import { DataSource } from 'typeorm';
import { Locale, NotificationKind, TemplateChannel } from './notification-kinds';

export interface CurrentTemplate {
  version: number;
  subject: string | null;
  body: string;
}

/**
 * The current version of every template, held in memory: every notice renders one, and the
 * table is small (kinds × channels × locales). A save here is seen at once; other replicas see it
 * within half a minute.
 */
@Injectable()
export class TemplateStore {
  private readonly snapshot: ExpiringSnapshot<Map<string, CurrentTemplate>>;

  constructor(dataSource: DataSource) {
    this.snapshot = new ExpiringSnapshot(async () => {
      const rows: (CurrentTemplate & { key: string })[] = await dataSource.query(
        `SELECT DISTINCT ON (kind, channel, locale) kind || '/' || channel || '/' || locale AS key, version, subject, body
           FROM templates ORDER BY kind, channel, locale, version DESC`,
      );
      return new Map(rows.map(({ key, ...template }) => [key, template]));
    }, 30_000);
  }

  /** The template in the person's locale, else the Vietnamese one; null when neither exists. */
  async current(kind: NotificationKind, channel: TemplateChannel, locale: Locale): Promise<(CurrentTemplate & { locale: Locale }) | null> {
    const templates = await this.snapshot.get();
    for (const candidate of locale === 'vi' ? (['vi'] as const) : [locale, 'vi' as const]) {
      const found = templates.get(`${kind}/${channel}/${candidate}`);
      if (found) return { ...found, locale: candidate };
    }
    return null;
  }

  invalidate(): void {
    this.snapshot.invalidate();
  }
}
