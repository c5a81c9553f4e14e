import { PlatformEnv } from '@onestop/platform';
import { ServiceUnderTest, startServiceWithDatabase, tokenFor } from '@onestop/testing';
import request from 'supertest';
import { notificationSchema } from '../database/schema';
import { notificationService } from '../service';

describe('notification templates', () => {
  let running: ServiceUnderTest<PlatformEnv>;
  const tokens: Record<string, string> = {};
  const path = '/api/v1/templates/dossier-received/email/vi';
  const rows = (sql: string, params: unknown[] = []) => running.database.dataSource.query(sql, params);

  beforeAll(async () => {
    running = await startServiceWithDatabase(notificationService, notificationSchema);
    tokens.admin = await tokenFor('province-admin', undefined, '46', 'admin');
    tokens.desk = await tokenFor('desk-officer', '19774', '46', 'desk');
  }, 60_000);

  afterAll(async () => running?.close());

  it("serves the national default until the province saves its own, then the province's versions, one by one", async () => {
    const seeded = await request(running.url).get(path).auth(tokens.admin, { type: 'bearer' }).expect(200);
    expect(seeded.body).toMatchObject({
      provinceCode: null,
      kind: 'dossier-received',
      channel: 'email',
      locale: 'vi',
      version: 1,
      subject: 'Đã tiếp nhận hồ sơ {{code}}',
      createdBy: 'seed',
    });
    const saved = await request(running.url)
      .put(path)
      .auth(tokens.admin, { type: 'bearer' })
      .send({ subject: 'Hồ sơ {{code}} đã được tiếp nhận', body: 'Hẹn trả: {{appointmentDate}}' })
      .expect(200);
    expect(saved.body).toMatchObject({ provinceCode: '46', version: 1, createdBy: 'admin' });
    expect((await request(running.url).get(path).auth(tokens.admin, { type: 'bearer' })).body).toMatchObject({
      provinceCode: '46',
      version: 1,
    });
    await request(running.url)
      .put(path)
      .auth(tokens.admin, { type: 'bearer' })
      .send({ subject: 'Hồ sơ {{code}}', body: 'Hẹn trả: {{appointmentDate}}.' })
      .expect(200);
    expect((await request(running.url).get(path).auth(tokens.admin, { type: 'bearer' })).body).toMatchObject({
      provinceCode: '46',
      version: 2,
      subject: 'Hồ sơ {{code}}',
    });
    // The national default is what it was.
    expect(
      await rows(
        `SELECT version, created_by FROM templates WHERE province_code IS NULL AND kind = 'dossier-received' AND channel = 'email' AND locale = 'vi'`,
      ),
    ).toEqual([{ version: 1, created_by: 'seed' }]);
  });

  it('refuses unknown or missing placeholders, unknown kinds and non-admins with 4xx, saving nothing', async () => {
    const before = await rows('SELECT count(*)::int AS n FROM templates');
    const cases: [string, object, number, string][] = [
      [path, { body: 'Hẹn trả {{appointmentDate}}, số CCCD {{citizenId}}' }, 400, 'citizenId'],
      [path, { body: 'Không có mã hồ sơ, hẹn {{appointmentDate}}' }, 400, '{{code}}'],
      [path, { body: 'Hồ sơ {{code}} {{appointmentDate}} {{ }}' }, 400, 'braces'],
      [path, { subject: 42, body: 'x' }, 400, 'subject'],
      // A null where a field may be left out counts as left out: the missing placeholder is named, not a 500.
      [path, { subject: null, body: 'Hồ sơ {{code}}' }, 400, '{{appointmentDate}}'],
      [`${path}/preview`, { draft: { subject: null, body: 'thiếu mã' } }, 400, '{{code}}'],
      ['/api/v1/templates/birthday/email/vi', { body: '{{code}}' }, 400, 'kind'],
      ['/api/v1/templates/dossier-received/fax/fr', { body: '{{code}}' }, 400, 'channel'],
      [`${path}?province=4`, { body: '{{code}} {{appointmentDate}}' }, 400, 'province'],
    ];
    for (const [target, body, status, mentioned] of cases) {
      const call = target.endsWith('/preview') ? request(running.url).post(target) : request(running.url).put(target);
      const response = await call.auth(tokens.admin, { type: 'bearer' }).send(body);
      expect({ status: response.status, problem: JSON.stringify(response.body) }).toEqual({
        status,
        problem: expect.stringContaining(mentioned),
      });
    }
    await request(running.url)
      .put(path)
      .auth(tokens.desk, { type: 'bearer' })
      .send({ body: '{{code}} {{appointmentDate}}' })
      .expect(403);
    const after = await rows('SELECT count(*)::int AS n FROM templates');
    expect(after[0].n).toBe(before[0].n);
  });

  it('previews the current version or a draft with sample values, and counts SMS segments', async () => {
    const current = await request(running.url)
      .post(`${path}/preview`)
      .auth(tokens.admin, { type: 'bearer' })
      .send({ values: { code: '46000-261123-0009' } })
      .expect(200);
    expect(current.body.subject).toContain('46000-261123-0009');
    const sms = await request(running.url)
      .post('/api/v1/templates/dossier-received/sms/vi/preview')
      .auth(tokens.admin, { type: 'bearer' })
      .send({ draft: { body: 'Hồ sơ {{code}} đã được tiếp nhận, hẹn trả ngày {{appointmentDate}}.' } })
      .expect(200);
    expect(sms.body).toMatchObject({
      body: 'Hồ sơ 19774-261123-0001 đã được tiếp nhận, hẹn trả ngày 27/11/2026.',
      sms: { encoding: 'ucs-2', segments: 1 },
    });
    await request(running.url)
      .post(`${path}/preview`)
      .auth(tokens.admin, { type: 'bearer' })
      .send({ draft: { body: 'thiếu mã' } })
      .expect(400);
    await request(running.url)
      .post(`${path}/preview`)
      .auth(tokens.admin, { type: 'bearer' })
      .send({ draft: { body: 7 } })
      .expect(400);
  });

  describe('between provinces', () => {
    const sms = '/api/v1/templates/dossier-received/sms/vi';
    const hueText = {
      body: 'Ho so {{code}} da tiep nhan, hen {{appointmentDate}}. Tra cuu: https://dichvucong.hue.gov.vn/tra-cuu',
    };
    const get = (target: string, token: string) => request(running.url).get(target).auth(token, { type: 'bearer' });
    let hue: { admin: string; leader: string };
    let hanoi: { admin: string; leader: string };
    let noProvince: string;
    let hueVersion: Record<string, unknown>;

    /** Huế's rows as the database holds them: what must not change whatever another province does. */
    const hueRows = () =>
      rows(
        `SELECT kind, channel, locale, version, subject, body, created_by FROM templates WHERE province_code = '46' ORDER BY kind, channel, locale, version`,
      );
    const nationalRows = () =>
      rows(
        `SELECT kind, channel, locale, version, subject, body FROM templates WHERE province_code IS NULL ORDER BY kind, channel, locale, version`,
      );

    beforeAll(async () => {
      hue = {
        admin: await tokenFor('province-admin', undefined, '46', 'hue-admin'),
        leader: await tokenFor('province-leader', undefined, '46', 'hue-leader'),
      };
      hanoi = {
        admin: await tokenFor('province-admin', undefined, '01', 'hanoi-admin'),
        leader: await tokenFor('province-leader', undefined, '01', 'hanoi-leader'),
      };
      // A province role whose token names no province.
      noProvince = await tokenFor('province-admin', undefined, '', 'stray-admin');
      hueVersion = (await request(running.url).put(sms).auth(hue.admin, { type: 'bearer' }).send(hueText).expect(200))
        .body;
      expect(hueVersion).toMatchObject({ provinceCode: '46', version: 1, createdBy: 'hue-admin' });
    });

    it("shows another province neither Huế's versions nor a way to change them", async () => {
      const hueBefore = await hueRows();
      const nationalBefore = await nationalRows();

      // Hà Nội reads the national default, not Huế's text, by every read route.
      const hanoiView = await get(sms, hanoi.admin).expect(200);
      expect(hanoiView.body).toMatchObject({ provinceCode: null, version: 1, createdBy: 'seed' });
      expect(JSON.stringify(hanoiView.body)).not.toContain('hue.gov.vn');
      const hanoiList = await get('/api/v1/templates', hanoi.leader).expect(200);
      expect(hanoiList.body.items.length).toBeGreaterThan(20);
      expect(hanoiList.body.items.every((item: { provinceCode: string | null }) => item.provinceCode === null)).toBe(
        true,
      );
      const hanoiPreview = await request(running.url)
        .post(`${sms}/preview`)
        .auth(hanoi.admin, { type: 'bearer' })
        .send({})
        .expect(200);
      expect(hanoiPreview.body.body).not.toContain('hue.gov.vn');

      // Naming Huế is refused on every route, to admins and leaders alike; a token without a province has none.
      const attempts: [string, request.Test][] = [
        ['GET one', request(running.url).get(`${sms}?province=46`).auth(hanoi.admin, { type: 'bearer' })],
        ['GET list', request(running.url).get('/api/v1/templates?province=46').auth(hanoi.leader, { type: 'bearer' })],
        [
          'PUT',
          request(running.url)
            .put(`${sms}?province=46`)
            .auth(hanoi.admin, { type: 'bearer' })
            .send({ body: 'Ho so {{code}}, hen {{appointmentDate}}: https://evil.example' }),
        ],
        [
          'preview',
          request(running.url).post(`${sms}/preview?province=46`).auth(hanoi.admin, { type: 'bearer' }).send({}),
        ],
        [
          'PUT by a leader',
          request(running.url)
            .put(sms)
            .auth(hue.leader, { type: 'bearer' })
            .send({ body: 'Ho so {{code}}, hen {{appointmentDate}}' }),
        ],
        ['GET without a province', request(running.url).get(sms).auth(noProvince, { type: 'bearer' })],
        [
          'GET list without a province',
          request(running.url).get('/api/v1/templates').auth(noProvince, { type: 'bearer' }),
        ],
        [
          'PUT without a province',
          request(running.url)
            .put(sms)
            .auth(noProvince, { type: 'bearer' })
            .send({ body: 'Ho so {{code}}, hen {{appointmentDate}}' }),
        ],
        [
          'preview without a province',
          request(running.url).post(`${sms}/preview`).auth(noProvince, { type: 'bearer' }).send({}),
        ],
      ];
      for (const [what, attempt] of attempts) {
        const response = await attempt;
        expect([what, response.status, response.headers['content-type']]).toEqual([
          what,
          403,
          expect.stringContaining('application/problem+json'),
        ]);
      }

      // What the probe did, PUT with a Hà Nội token, now writes Hà Nội's own version.
      const hanoiSaved = await request(running.url)
        .put(sms)
        .auth(hanoi.admin, { type: 'bearer' })
        .send({ body: 'Ho so {{code}}, hen {{appointmentDate}}: https://dichvucong.hanoi.gov.vn' })
        .expect(200);
      expect(hanoiSaved.body).toMatchObject({ provinceCode: '01', version: 1, createdBy: 'hanoi-admin' });
      expect((await get(sms, hanoi.leader).expect(200)).body).toMatchObject({ provinceCode: '01', version: 1 });

      // Read back as Huế: its version as it saved it, its list without Hà Nội's, the defaults as seeded.
      expect((await get(sms, hue.admin).expect(200)).body).toEqual(hueVersion);
      expect((await get(sms, hue.leader).expect(200)).body).toEqual(hueVersion);
      const hueList = await get('/api/v1/templates', hue.leader).expect(200);
      expect(
        hueList.body.items
          .filter((item: { provinceCode: string | null }) => item.provinceCode !== null)
          .map((item: { provinceCode: string; channel: string }) => [item.provinceCode, item.channel]),
      ).toEqual([
        ['46', 'email'],
        ['46', 'sms'],
      ]);
      expect(JSON.stringify(hueList.body)).not.toContain('hanoi');
      const huePreview = await request(running.url)
        .post(`${sms}/preview`)
        .auth(hue.leader, { type: 'bearer' })
        .send({})
        .expect(200);
      expect(huePreview.body.body).toContain('https://dichvucong.hue.gov.vn/tra-cuu');
      expect(await hueRows()).toEqual(hueBefore);
      expect(await nationalRows()).toEqual(nationalBefore);
    });
  });
});
