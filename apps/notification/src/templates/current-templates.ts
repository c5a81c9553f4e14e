import { Injectable } from '@nestjs/common';
import { ExpiringSnapshot } from '@onestop/platform';
import { Locale, NotificationKind, TemplateChannel } from '../domain/notification-kinds';
import { TemplateEntity } from './template.entity';
import { TemplatesStore } from './templates.store';

/** What a notice renders of a template version; `provinceCode` null for the national default. */
export type CurrentTemplate = Pick<TemplateEntity, 'version' | 'subject' | 'body' | 'provinceCode'>;

/** The map key of a scope: a province code, or `*` for the national defaults. */
const NATIONAL = '*';
const keyOf = (scope: string, kind: string, channel: string, locale: string) => `${scope}/${kind}/${channel}/${locale}`;

/**
 * The current version of every template, national and per province, held in memory: every notice
 * renders one, and the table is small (scopes × kinds × channels × locales). A save here is seen
 * at once; other replicas see it within half a minute.
 */
@Injectable()
export class CurrentTemplates {
  private readonly snapshot: ExpiringSnapshot<Map<string, CurrentTemplate>>;

  constructor(store: TemplatesStore) {
    this.snapshot = new ExpiringSnapshot(async () => {
      const rows = await store.currentVersions();
      return new Map(
        rows.map(({ kind, channel, locale, ...template }) => [
          keyOf(template.provinceCode ?? NATIONAL, kind, channel, locale),
          template,
        ]),
      );
    }, 30_000);
  }

  /**
   * The template a notice of `provinceCode` renders: in the person's locale, else Vietnamese; in
   * each, the province's own version, else the national default. Null when none exists. A notice
   * whose province is unknown ('') gets the national default.
   */
  async current(
    kind: NotificationKind,
    channel: TemplateChannel,
    locale: Locale,
    provinceCode: string,
  ): Promise<(CurrentTemplate & { locale: Locale }) | null> {
    const templates = await this.snapshot.get();
    for (const candidate of locale === 'vi' ? (['vi'] as const) : [locale, 'vi' as const]) {
      for (const scope of provinceCode ? [provinceCode, NATIONAL] : [NATIONAL]) {
        const found = templates.get(keyOf(scope, kind, channel, candidate));
        if (found) return { ...found, locale: candidate };
      }
    }
    return null;
  }

  invalidate(): void {
    this.snapshot.invalidate();
  }
}
