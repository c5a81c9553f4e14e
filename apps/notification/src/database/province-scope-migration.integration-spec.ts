import { dataSourceOptions } from '@onestop/platform';
import { createTestDatabase, TestDatabase } from '@onestop/testing';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { ProvinceScopedTemplatesAndWebhooks1765000000000 } from './migrations/1765000000000-ProvinceScopedTemplatesAndWebhooks';
import { notificationSchema } from './schema';

/** The migration to province-scoped templates and webhooks, run over a database as the previous version left it. */
describe('migration 1765000000000: templates and webhooks by province', () => {
  const migrations = notificationSchema.migrations as unknown[] as (new () => unknown)[];
  const position = migrations.indexOf(ProvinceScopedTemplatesAndWebhooks1765000000000);
  let database: TestDatabase;
  let current: DataSource;

  beforeAll(async () => {
    // The database as it was: every migration before this one.
    database = await createTestDatabase('notification_migration', {
      entities: [],
      migrations: migrations.slice(0, position) as never,
    });
    const sql = (text: string, params: unknown[] = []) => database.dataSource.query(text, params);
    // A version some province's administrator saved for everyone, which nobody can attribute now.
    await sql(
      `INSERT INTO templates (kind, channel, locale, version, subject, body, created_by) VALUES ('dossier-received', 'sms', 'vi', 2, NULL, 'Ho so {{code}} {{appointmentDate}} https://evil.example', 'admin-01')`,
    );
    const subscription = (province: string, tenant: string) =>
      sql(
        `INSERT INTO webhook_subscriptions (id, province_code, tenant_code, url, secret, kinds, created_by, created_at) VALUES ($1, $2, $3, 'https://hooks.example.vn/x', 's', '{}', 'admin', now())`,
        [randomUUID(), province, tenant],
      );
    for (const [province, tenant] of [
      ['46', '46'],
      ['46', '19753'],
      ['46', '46.STP'],
      ['46', '19753.BD1'],
      ['01', '19753'],
      ['46', '00004'],
      ['46', '00004.BD1'],
      ['01', '46'],
    ]) {
      await subscription(province, tenant);
    }
    await sql(
      `INSERT INTO deliveries (id, event_id, recipient, channel, kind, critical, locale, address, body, data, province_code, state, next_attempt_at, give_up_at, created_at, updated_at, last_error)
       VALUES ($1, $2, 'webhook:x', 'webhook', 'dossier-received', false, 'vi', 'https://hooks.example.vn/x', '{}', '{}', '46', 'permanent-failure', now(), now(), now(), now(), 'HTTP 400: {"error":"redis_version:7.2.4"}')`,
      [randomUUID(), randomUUID()],
    );
    await database.dataSource.destroy();
    // The database as this migration leaves it, later ones aside.
    current = new DataSource({
      ...dataSourceOptions(database.url, {
        ...notificationSchema,
        migrations: migrations.slice(0, position + 1) as never,
      }),
      logging: false,
    });
    await current.initialize();
    await current.runMigrations();
  }, 60_000);

  afterAll(async () => {
    if (current?.isInitialized) await current.destroy();
    await database?.drop();
  });

  it('puts the national defaults back to the seeded versions and keeps the unattributed ones aside', async () => {
    expect(
      await current.query(
        `SELECT province_code, version, created_by FROM templates WHERE kind = 'dossier-received' AND channel = 'sms' AND locale = 'vi'`,
      ),
    ).toEqual([{ province_code: null, version: 1, created_by: 'seed' }]);
    expect(await current.query(`SELECT version, created_by, body FROM templates_unattributed`)).toEqual([
      { version: 2, created_by: 'admin-01', body: 'Ho so {{code}} {{appointmentDate}} https://evil.example' },
    ]);
  });

  it("switches off subscriptions whose tenant is not the province's, and keeps the rest", async () => {
    const rows: { province_code: string; tenant_code: string; active: boolean }[] = await current.query(
      'SELECT province_code, tenant_code, active FROM webhook_subscriptions ORDER BY province_code, tenant_code',
    );
    expect(rows).toEqual([
      { province_code: '01', tenant_code: '19753', active: false },
      { province_code: '01', tenant_code: '46', active: false },
      { province_code: '46', tenant_code: '00004', active: false },
      { province_code: '46', tenant_code: '00004.BD1', active: false },
      { province_code: '46', tenant_code: '19753', active: true },
      { province_code: '46', tenant_code: '19753.BD1', active: true },
      { province_code: '46', tenant_code: '46', active: true },
      { province_code: '46', tenant_code: '46.STP', active: true },
    ]);
  });

  it("cuts receivers' bodies out of earlier webhook errors", async () => {
    expect(await current.query(`SELECT last_error FROM deliveries WHERE channel = 'webhook'`)).toEqual([
      { last_error: 'HTTP 400' },
    ]);
  });

  it('allows one version series per province beside the national one, and can be undone', async () => {
    const save = (province: string | null, version: number) =>
      current.query(
        `INSERT INTO templates (province_code, kind, channel, locale, version, body, created_by) VALUES ($1, 'dossier-received', 'sms', 'vi', $2, 'x', 't')`,
        [province, version],
      );
    await save('46', 1);
    await save('01', 1);
    await expect(save('46', 1)).rejects.toMatchObject({ code: '23505' });
    await expect(save(null, 1)).rejects.toMatchObject({ code: '23505' });
    await expect(save('Huế', 1)).rejects.toMatchObject({ code: '23514' });
    await current.undoLastMigration();
    expect(
      await current.query(
        `SELECT version, created_by FROM templates WHERE kind = 'dossier-received' AND channel = 'sms' AND locale = 'vi' ORDER BY version`,
      ),
    ).toEqual([
      { version: 1, created_by: 'seed' },
      { version: 2, created_by: 'admin-01' },
    ]);
  });
});
