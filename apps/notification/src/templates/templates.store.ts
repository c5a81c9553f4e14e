import { Injectable } from '@nestjs/common';
import { selectListOf } from '@onestop/platform';
import { DataSource } from 'typeorm';
import { Locale, NotificationKind, TemplateChannel } from '../domain/notification-kinds';
import { TemplateText } from './template';
import { TemplateEntity } from './template.entity';

export interface TemplateKey {
  kind: NotificationKind;
  channel: TemplateChannel;
  locale: Locale;
}

/** Two saves raced for the same next version: the unique index let one through. */
export function isConcurrentSave(error: unknown): boolean {
  return (error as { code?: string }).code === '23505';
}

/** The template versions, national and per province. */
@Injectable()
export class TemplatesStore {
  /** Every column under its property name, so raw rows are entities. */
  private readonly columns: string;

  constructor(private readonly dataSource: DataSource) {
    this.columns = selectListOf(dataSource, TemplateEntity);
  }

  /** Per kind, channel and locale: the province's latest version, else the latest national one. */
  effectiveFor(provinceCode: string): Promise<TemplateEntity[]> {
    return this.dataSource.query(
      `SELECT DISTINCT ON (kind, channel, locale) ${this.columns} FROM templates
        WHERE province_code = $1 OR province_code IS NULL
        ORDER BY kind, channel, locale, province_code IS NULL, version DESC`,
      [provinceCode],
    );
  }

  /** The province's latest version of one template, else the latest national one. */
  async latest(key: TemplateKey, provinceCode: string): Promise<TemplateEntity | null> {
    const rows: TemplateEntity[] = await this.dataSource.query(
      `SELECT ${this.columns} FROM templates WHERE kind = $1 AND channel = $2 AND locale = $3 AND (province_code = $4 OR province_code IS NULL)
        ORDER BY province_code IS NULL, version DESC LIMIT 1`,
      [key.kind, key.channel, key.locale, provinceCode],
    );
    return rows[0] ?? null;
  }

  /**
   * Saves the province's next version. The unique index makes two concurrent saves of the same next
   * version one success and one error that `isConcurrentSave` recognises.
   */
  async saveNextVersion(
    key: TemplateKey,
    provinceCode: string,
    text: TemplateText,
    createdBy: string,
  ): Promise<TemplateEntity> {
    const rows: TemplateEntity[] = await this.dataSource.query(
      `INSERT INTO templates (province_code, kind, channel, locale, version, subject, body, created_by)
       SELECT $7, $1, $2, $3, COALESCE(max(version), 0) + 1, $4, $5, $6 FROM templates
        WHERE province_code = $7 AND kind = $1 AND channel = $2 AND locale = $3
       RETURNING ${this.columns}`,
      [key.kind, key.channel, key.locale, text.subject ?? null, text.body, createdBy, provinceCode],
    );
    return rows[0];
  }

  /** The current version of every template of every scope, national and provincial. */
  currentVersions(): Promise<
    Pick<TemplateEntity, 'provinceCode' | 'kind' | 'channel' | 'locale' | 'version' | 'subject' | 'body'>[]
  > {
    return this.dataSource.query(
      `SELECT DISTINCT ON (province_code, kind, channel, locale) province_code AS "provinceCode", kind, channel, locale, version, subject, body
         FROM templates ORDER BY province_code, kind, channel, locale, version DESC`,
    );
  }
}
