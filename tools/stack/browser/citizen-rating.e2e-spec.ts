import { addDays, localDateOf } from '@onestop/calendar';
import { passwordGrant, seedUsers } from '@onestop/local-stack';
import { waitFor } from '@onestop/testing';
import { randomBytes } from 'node:crypto';
import { Browser, BrowserContext, Page } from 'playwright-core';
import { checkScreen, launchChromium, signIn } from './browser';
import { BrowserStack, startBrowserStack } from './browser-stack';

const PORT = 19942;
const PHU_XUAN = '19753';
const THUY_XUAN = '19813';
const COMMENT = 'Cán bộ hướng dẫn tận tình, trả kết quả đúng hẹn.';

type Service = 'intake' | 'routing' | 'reporting';
interface Indicators {
  rows: Array<{
    counts: Record<string, number>;
    indicators: Record<string, { numerator: number; denominator: number; value: number | null }>;
    score: { indicators: Array<{ id: string; points: number; assessed: boolean }> };
  }>;
}

/**
 * A citizen rates the service on the public look-up, in Debian's Chromium at a phone's width,
 * against the real services, Kafka, PostgreSQL, Redis, Keycloak and nginx. Phú Xuân's desk files
 * for an applicant of Thuỷ Xuân, Thuỷ Xuân processes and signs, the desk hands the result over
 * (through the services' APIs, with the seed users' tokens); then the applicant opens the look-up,
 * gives four stars and a comment, is thanked, and Thuỷ Xuân's satisfaction indicator counts it.
 */
describe('the citizen rates the service on the public look-up', () => {
  jest.setTimeout(240_000);
  let stack: BrowserStack;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  const phone = `09${String(randomBytes(4).readUInt32BE(0)).padStart(10, '0').slice(0, 8)}`;
  const tokens: Record<string, string> = {};
  let dossier: { id: string; code: string };
  let citizen: Page;
  // The services run on the real clock: the period is today in Huế (and yesterday, should the test cross midnight).
  const period = () => `from=${addDays(localDateOf(new Date()), -1)}&to=${localDateOf(new Date())}`;

  const call = async <T = Record<string, unknown>>(
    service: Service,
    method: string,
    path: string,
    token: string | null,
    body?: object,
  ): Promise<{ status: number; body: T }> => {
    const response = await fetch(`${stack.services.get(service)!.url}${path}`, {
      method,
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
    return { status: response.status, body: (await response.json().catch(() => null)) as T };
  };
  const signInAs = (username: string) =>
    passwordGrant(stack.keycloak.tokenUrl, username, seedUsers().find((user) => user.username === username)!.password);
  const routed = async () =>
    (
      await call<{ status: number; version: number; assigneeId: string | null }>(
        'routing',
        'GET',
        `/api/v1/dossiers/${dossier.id}`,
        tokens.leader,
      )
    ).body;
  const act = async (token: string, action: string, extra: object = {}) => {
    const { version } = await routed();
    const response = await call('routing', 'POST', `/api/v1/dossiers/${dossier.id}/actions`, token, {
      version,
      action,
      ...extra,
    });
    expect({ action, status: response.status }).toEqual({ action, status: 200 });
  };
  const satisfaction = async (unit: string) =>
    (await call<Indicators>('reporting', 'GET', `/api/v1/indicators?${period()}&unit=${unit}`, tokens.province)).body
      .rows[0];

  beforeAll(async () => {
    [stack, browser] = await Promise.all([startBrowserStack('citizen-rating', PORT), launchChromium()]);
    for (const [key, username] of [
      ['desk', 'desk.phuxuan'],
      ['specialist', 'specialist.thuyxuan'],
      ['leader', 'leader.thuyxuan'],
      ['province', 'leader.province'],
    ]) {
      tokens[key] = await signInAs(username);
    }
  }, 240_000);

  afterAll(async () => {
    await Promise.all(contexts.map((context) => context.close()));
    await browser?.close();
    await stack?.close();
  }, 60_000);

  it("is filed at Phú Xuân for an applicant of Thuỷ Xuân, processed, signed and handed over at Phú Xuân's desk", async () => {
    const filed = await call<{ id: string; code: string; status: number }>(
      'intake',
      'POST',
      '/api/v1/dossiers',
      tokens.desk,
      {
        procedureCode: 'HKD-DANGKY',
        receivingUnitCode: PHU_XUAN,
        channel: 'counter',
        applicant: {
          name: 'Nguyễn Thị Mai',
          citizenId: '046190005566',
          phone,
          address: { line: '8 Phan Bội Châu', communeCode: THUY_XUAN },
        },
        documents: [
          {
            type: 'registration-application',
            fileName: 'giay-de-nghi.pdf',
            sha256: randomBytes(32).toString('hex'),
            size: 95_000,
          },
        ],
      },
    );
    expect(filed.status).toBe(201);
    dossier = filed.body;

    await waitFor(
      async () => (await call('routing', 'GET', `/api/v1/dossiers/${dossier.id}`, tokens.specialist)).status === 200,
      60_000,
      'the dossier at Thuỷ Xuân',
    );
    await act(tokens.specialist, 'accept');
    await act(tokens.leader, 'approve');
    // The service signs with the leader's key it holds: the dossier is done (9).
    await waitFor(async () => (await routed()).status === 9, 90_000, 'the signed result');
    await act(tokens.desk, 'return-result', { resultChannel: 'counter' });
    await waitFor(
      async () =>
        (
          await call<{ rating?: { canRate: boolean } }>(
            'intake',
            'GET',
            `/api/v1/dossiers/${dossier.code}/status?phone=${phone.slice(-4)}`,
            null,
          )
        ).body.rating?.canRate ?? false,
      30_000,
      'intake to see the hand-over',
    );
  });

  it('has no rating for Thuỷ Xuân yet', async () => {
    const row = await satisfaction(THUY_XUAN);
    expect(row.counts).toMatchObject({ ratings: 0, satisfiedRatings: 0, ratingPointsSum: 0 });
    expect(row.score.indicators.find((indicator) => indicator.id === 'satisfaction.ratedSatisfied')).toMatchObject({
      points: 0,
      assessed: false,
    });
  });

  it('offers the rating form on the look-up at a phone’s width: stars with their names, an optional comment', async () => {
    const context = await browser.newContext({
      viewport: { width: 375, height: 812 },
      locale: 'vi-VN',
      timezoneId: 'Asia/Ho_Chi_Minh',
    });
    contexts.push(context);
    citizen = await context.newPage();
    await citizen.goto(`${stack.web}/tra-cuu?ma=${encodeURIComponent(dossier.code)}`);
    await citizen.getByLabel('4 số cuối điện thoại').fill(phone.slice(-4));
    await citizen.getByRole('button', { name: 'Tra cứu' }).click();
    await citizen.getByRole('heading', { name: 'Đánh giá mức độ hài lòng' }).waitFor({ timeout: 30_000 });
    const stars = citizen.getByRole('radiogroup', { name: 'Mức độ hài lòng' }).getByRole('radio');
    expect(await stars.evaluateAll((radios) => radios.map((radio) => radio.getAttribute('aria-label')))).toEqual([
      '1 sao: Rất không hài lòng',
      '2 sao: Không hài lòng',
      '3 sao: Bình thường',
      '4 sao: Hài lòng',
      '5 sao: Rất hài lòng',
    ]);
    // Sending without a star says what is missing, and sends nothing.
    await citizen.getByRole('button', { name: 'Gửi đánh giá' }).click();
    await citizen.getByText('Vui lòng chọn từ 1 đến 5 sao.').waitFor();

    await citizen.getByRole('radio', { name: '4 sao: Hài lòng' }).click();
    expect(await citizen.getByRole('radio', { name: '4 sao: Hài lòng' }).isChecked()).toBe(true);
    await citizen.locator('.star-rating-meaning').getByText('Hài lòng', { exact: true }).waitFor();
    await citizen.getByLabel('Góp ý (không bắt buộc)').fill(COMMENT);
    expect(citizen.viewportSize()).toEqual({ width: 375, height: 812 });
    await checkScreen(citizen, 'citizen-rating-form');
  });

  it('thanks the citizen once the rating is sent, and the look-up then says it was rated', async () => {
    expect(citizen.viewportSize()?.width).toBe(375);
    await citizen.getByRole('button', { name: 'Gửi đánh giá' }).click();
    await citizen.getByText('Cảm ơn Ông/Bà đã đánh giá!').waitFor({ timeout: 30_000 });
    await citizen.getByText('Ông/Bà đã đánh giá 4 sao.').waitFor();
    await checkScreen(citizen, 'citizen-rating-thanks');

    // Looked up again: rated once, with the score kept, and no form.
    await citizen.getByRole('button', { name: 'Tra cứu' }).click();
    await citizen.getByText('Hồ sơ này đã được đánh giá.').waitFor({ timeout: 30_000 });
    await citizen.getByText('Mức đánh giá đã ghi nhận: 4 sao. Mỗi hồ sơ chỉ được đánh giá một lần.').waitFor();
    expect(await citizen.getByRole('button', { name: 'Gửi đánh giá' }).count()).toBe(0);
    const status = await call<{ rating: unknown }>(
      'intake',
      'GET',
      `/api/v1/dossiers/${dossier.code}/status?phone=${phone.slice(-4)}`,
      null,
    );
    expect(status.body.rating).toEqual({ canRate: false, rated: true, score: 4 });
  });

  it('counts the rating in the satisfaction of Thuỷ Xuân, which processed the dossier, not of Phú Xuân, which received it', async () => {
    await waitFor(
      async () => (await satisfaction(THUY_XUAN)).counts.ratings === 1,
      30_000,
      'the rating in the indicators',
    );
    const row = await satisfaction(THUY_XUAN);
    expect(row.counts).toMatchObject({ ratings: 1, satisfiedRatings: 1, ratingPointsSum: 4 });
    expect(row.indicators.satisfiedRatingShare).toEqual({ numerator: 1, denominator: 1, value: 1 });
    expect(row.indicators.averageRatingScore).toEqual({ numerator: 4, denominator: 1, value: 4 });
    // One satisfied rating of one: the target is met, 3 points of 3.
    expect(row.score.indicators.find((indicator) => indicator.id === 'satisfaction.ratedSatisfied')).toMatchObject({
      points: 3,
      assessed: true,
    });
    expect((await satisfaction(PHU_XUAN)).counts).toMatchObject({ ratings: 0 });
  });

  it("shows the rating to Thuỷ Xuân's leader on the dashboard's satisfaction card", async () => {
    const context = await browser.newContext({
      viewport: { width: 1280, height: 900 },
      locale: 'vi-VN',
      timezoneId: 'Asia/Ho_Chi_Minh',
    });
    contexts.push(context);
    const leader = await context.newPage();
    const username = 'leader.thuyxuan';
    await signIn(
      leader,
      stack.web,
      username,
      seedUsers().find((user) => user.username === username)!.password,
      '/lanh-dao/bang-dieu-khien',
    );
    const card = leader.locator('[data-card="satisfaction"]');
    await card.getByText('1 / 1 lượt đánh giá hài lòng').waitFor({ timeout: 30_000 });
  });
});
