import { dataSourceOptions } from '@onestop/platform';
import { createTestDatabase, TestDatabase } from '@onestop/testing';
import { DataSource } from 'typeorm';
import { NATIONAL_TEMPLATES_V1 } from './migrations/1764200000000-CreateTemplates.seed';
import { RatingLinkInHandOverNotice1766500000000 } from './migrations/1766500000000-RatingLinkInHandOverNotice';
import { notificationSchema } from './schema';

const handOverRows = (dataSource: DataSource) =>
  dataSource.query(
    `SELECT province_code AS "province", channel, locale, version, subject, body, created_by AS "createdBy" FROM templates
      WHERE kind = 'result-returned' ORDER BY province_code NULLS FIRST, channel, locale, version`,
  ) as Promise<
    Array<{
      province: string | null;
      channel: string;
      locale: string;
      version: number;
      subject: string | null;
      body: string;
      createdBy: string;
    }>
  >;

/** The hand-over notice's rating link, over a database seeded before it and over a new one. */
describe('migration 1766500000000: the rating link in the hand-over notice', () => {
  const migrations = notificationSchema.migrations as unknown[] as (new () => unknown)[];
  const defaults = NATIONAL_TEMPLATES_V1.filter((template) => template.kind === 'result-returned');
  let seededBefore: TestDatabase;
  let fresh: TestDatabase;
  let current: DataSource;

  beforeAll(async () => {
    // A database as the previous version left it: the national hand-over notice without the link, and Huế's own SMS.
    seededBefore = await createTestDatabase('notification_rating_link', {
      entities: [],
      migrations: migrations.slice(0, migrations.indexOf(RatingLinkInHandOverNotice1766500000000)) as never,
    });
    await seededBefore.dataSource.query(
      `UPDATE templates SET body = regexp_replace(body, '\\n(Mời Ông/Bà đánh giá|Please rate).*$', '') WHERE kind = 'result-returned' AND province_code IS NULL`,
    );
    await seededBefore.dataSource.query(
      `UPDATE templates SET body = regexp_replace(body, ' (Danh gia muc do hai long|Rate our service): \\{\\{ratingUrl\\}\\}$', '') WHERE kind = 'result-returned' AND channel = 'sms'`,
    );
    await seededBefore.dataSource.query(
      `INSERT INTO templates (province_code, kind, channel, locale, version, body, created_by) VALUES ('46', 'result-returned', 'sms', 'vi', 1, 'UBND Hue: da tra ket qua {{code}}', 'hue-admin')`,
    );
    await seededBefore.dataSource.destroy();
    current = new DataSource({ ...dataSourceOptions(seededBefore.url, notificationSchema), logging: false });
    await current.initialize();
    await current.runMigrations();
    fresh = await createTestDatabase('notification_rating_link_fresh', notificationSchema);
  }, 60_000);

  afterAll(async () => {
    if (current?.isInitialized) await current.destroy();
    await seededBefore?.drop();
    await fresh?.drop();
  });

  it('was a database without the link before: the seeded wording ended at the result channel', async () => {
    const firsts = (await handOverRows(current)).filter((row) => row.province === null && row.version === 1);
    expect(firsts).toHaveLength(8);
    for (const row of firsts) expect(row.body).not.toContain('{{ratingUrl}}');
  });

  it('gives each national default a second seeded version, worded as the defaults are now', async () => {
    const seconds = (await handOverRows(current)).filter((row) => row.province === null && row.version === 2);
    expect(
      seconds.map(({ channel, locale, subject, body, createdBy }) => ({ channel, locale, subject, body, createdBy })),
    ).toEqual(
      [...defaults]
        .sort((a, b) => `${a.channel}/${a.locale}`.localeCompare(`${b.channel}/${b.locale}`))
        .map((template) => ({
          channel: template.channel,
          locale: template.locale,
          subject: template.subject ?? null,
          body: template.body,
          createdBy: 'seed',
        })),
    );
  });

  it("leaves a province's own version as the province wrote it", async () => {
    expect((await handOverRows(current)).filter((row) => row.province === '46')).toEqual([
      {
        province: '46',
        channel: 'sms',
        locale: 'vi',
        version: 1,
        subject: null,
        body: 'UBND Hue: da tra ket qua {{code}}',
        createdBy: 'hue-admin',
      },
    ]);
  });

  it('adds nothing when run again, nor to a database created with the link', async () => {
    const before = await handOverRows(current);
    const runner = current.createQueryRunner();
    try {
      await new RatingLinkInHandOverNotice1766500000000().up(runner);
    } finally {
      await runner.release();
    }
    expect(await handOverRows(current)).toEqual(before);
    const created = await handOverRows(fresh.dataSource);
    expect(created.map(({ version, body }) => ({ version, linked: body.includes('{{ratingUrl}}') }))).toEqual(
      defaults.map(() => ({ version: 1, linked: true })),
    );
  });

  it('can be undone, back to the versions without the link', async () => {
    await current.undoLastMigration();
    const rows = await handOverRows(current);
    expect(rows.filter((row) => row.province === null).map((row) => row.version)).toEqual(defaults.map(() => 1));
    expect(rows.some((row) => row.body.includes('{{ratingUrl}}'))).toBe(false);
  });
});
