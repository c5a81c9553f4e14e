import { PlatformEnv } from '@onestop/platform';
import { ServiceUnderTest, startServiceWithDatabase, tokenFor } from '@onestop/testing';
import request from 'supertest';
import { notificationSchema } from '../database/schema';
import { notificationService } from '../service';

describe('notification templates', () => {
  let running: ServiceUnderTest<PlatformEnv>;
  const tokens: Record<string, string> = {};
  const path = '/api/v1/templates/dossier-received/email/vi';

  beforeAll(async () => {
    running = await startServiceWithDatabase(notificationService, notificationSchema);
    tokens.admin = await tokenFor('province-admin', undefined, '46', 'admin');
    tokens.desk = await tokenFor('desk-officer', '19774', '46', 'desk');
  }, 60_000);

  afterAll(async () => running?.close());

  it('serves the seeded version and saves a new one, version by version', async () => {
    const seeded = await request(running.url).get(path).auth(tokens.admin, { type: 'bearer' }).expect(200);
    expect(seeded.body).toMatchObject({ kind: 'dossier-received', channel: 'email', locale: 'vi', version: 1, subject: 'Đã tiếp nhận hồ sơ {{code}}' });
    const saved = await request(running.url).put(path).auth(tokens.admin, { type: 'bearer' }).send({ subject: 'Hồ sơ {{code}} đã được tiếp nhận', body: 'Hẹn trả: {{appointmentDate}}' }).expect(200);
    expect(saved.body).toMatchObject({ version: 2, createdBy: 'admin' });
    expect((await request(running.url).get(path).auth(tokens.admin, { type: 'bearer' })).body.version).toBe(2);
  });

  it('refuses unknown or missing placeholders, unknown kinds and non-admins with 4xx, saving nothing', async () => {
    const before = await running.database.dataSource.query('SELECT count(*)::int AS n FROM templates');
    const cases: [string, object, number, string][] = [
      [path, { body: 'Hẹn trả {{appointmentDate}}, số CCCD {{citizenId}}' }, 400, 'citizenId'],
      [path, { body: 'Không có mã hồ sơ, hẹn {{appointmentDate}}' }, 400, '{{code}}'],
      [path, { body: 'Hồ sơ {{code}} {{appointmentDate}} {{ }}' }, 400, 'braces'],
      [path, { subject: 42, body: 'x' }, 400, 'subject'],
      ['/api/v1/templates/birthday/email/vi', { body: '{{code}}' }, 400, 'kind'],
      ['/api/v1/templates/dossier-received/fax/fr', { body: '{{code}}' }, 400, 'channel'],
    ];
    for (const [target, body, status, mentioned] of cases) {
      const response = await request(running.url).put(target).auth(tokens.admin, { type: 'bearer' }).send(body);
      expect({ status: response.status, problem: JSON.stringify(response.body) }).toEqual({ status, problem: expect.stringContaining(mentioned) });
    }
    await request(running.url).put(path).auth(tokens.desk, { type: 'bearer' }).send({ body: '{{code}} {{appointmentDate}}' }).expect(403);
    const after = await running.database.dataSource.query('SELECT count(*)::int AS n FROM templates');
    expect(after[0].n).toBe(before[0].n);
  });

  it('previews the current version or a draft with sample values, and counts SMS segments', async () => {
    const current = await request(running.url).post(`${path}/preview`).auth(tokens.admin, { type: 'bearer' }).send({ values: { code: '46000-261123-0009' } }).expect(200);
    expect(current.body.subject).toContain('46000-261123-0009');
    const sms = await request(running.url)
      .post('/api/v1/templates/dossier-received/sms/vi/preview')
      .auth(tokens.admin, { type: 'bearer' })
      .send({ draft: { body: 'Hồ sơ {{code}} đã được tiếp nhận, hẹn trả ngày {{appointmentDate}}.' } })
      .expect(200);
    expect(sms.body).toMatchObject({ body: 'Hồ sơ 19774-261123-0001 đã được tiếp nhận, hẹn trả ngày 27/11/2026.', sms: { encoding: 'ucs-2', segments: 1 } });
    await request(running.url).post(`${path}/preview`).auth(tokens.admin, { type: 'bearer' }).send({ draft: { body: 'thiếu mã' } }).expect(400);
    await request(running.url).post(`${path}/preview`).auth(tokens.admin, { type: 'bearer' }).send({ draft: { body: 7 } }).expect(400);
  });
});
