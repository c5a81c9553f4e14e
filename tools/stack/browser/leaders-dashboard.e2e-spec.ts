import { DossierRouted, DossierStatusChanged, Role, TOPICS } from '@onestop/contracts';
import { REALM_AUDIENCE, seedUsers } from '@onestop/local-stack';
import { createEvent } from '@onestop/messaging';
import { DEVELOPMENT_ISSUER, loadOrCreateDevelopmentKey, signDevelopmentToken } from '@onestop/platform';
import { publishEvents, TEST_KEY_FILE, testKafkaBrokers, waitFor } from '@onestop/testing';
import { Kafka, logLevel, Producer } from 'kafkajs';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { Browser, BrowserContext, Page } from 'playwright-core';
import { join } from 'node:path';
import { checkScreen, launchChromium, SCREENSHOTS, signIn } from './browser';
import { BrowserStack, startBrowserStack } from './browser-stack';

const THUY_XUAN = '19813';
const PROCEDURE = 'HKD-DANGKY';
const DASHBOARD = '/lanh-dao/bang-dieu-khien';
const password = (username: string) => seedUsers().find((user) => user.username === username)!.password;

/** Today and the first of this month in Huế: the dashboard's default period, this month to date. */
function thisMonthToDate(): { from: string; to: string } {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date());
  return { from: `${today.slice(0, 8)}01`, to: today };
}

/** The numbers of a text as a Vietnamese reader writes them (1.234,5 → 1234.5). */
function numbersIn(text: string): number[] {
  return (text.match(/-?\d[\d.]*(,\d+)?/g) ?? []).map((number) => Number(number.replace(/\./g, '').replace(',', '.')));
}

interface Ratio {
  numerator: number;
  denominator: number;
  value: number | null;
}
interface IndicatorRow {
  counts: Record<string, number>;
  indicators: Record<string, Ratio>;
  score: {
    total: Points;
    groups: (Points & { group: string })[];
    indicators: { id: string; points: number; maxPoints: number }[];
  };
}

interface Points {
  points: number;
  maxPoints: number;
  assessedMaxPoints: number;
}

/** The satisfaction card's points as it shows them: points and maximum, or none when nothing of the group is assessed. */
function satisfactionPoints(row: IndicatorRow): number[] {
  const group = row.score.groups.find((candidate) => candidate.group === 'satisfaction')!;
  return group.assessedMaxPoints > 0 ? [Math.round(group.points * 100) / 100, group.maxPoints] : [];
}

/**
 * The leaders' dashboard in Debian's Chromium against the six real services: dossiers filed at
 * Thuỷ Xuân's counter through intake, routed by routing, one made late and one resolved by the
 * contract events on the test Kafka; the province leader's cards equal reporting's own answer,
 * a chart's CSV equals its table, and the drill-down reaches the late dossier and opens its page.
 */
describe("the leaders' dashboard in a browser", () => {
  jest.setTimeout(240_000);
  let stack: BrowserStack;
  let browser: Browser;
  let producer: Producer;
  const contexts: BrowserContext[] = [];
  const filed: { id: string; code: string }[] = [];
  const period = thisMonthToDate();
  let provinceToken = '';
  let page: Page;

  const token = async (role: Role, unitCode: string | undefined, subject: string) =>
    signDevelopmentToken(await loadOrCreateDevelopmentKey(TEST_KEY_FILE), {
      subject,
      roles: [role],
      unitCode,
      provinceCode: '46',
      issuer: DEVELOPMENT_ISSUER,
      audience: REALM_AUDIENCE,
      expiresIn: '10m',
    });

  async function reporting<T>(path: string): Promise<T> {
    const response = await fetch(`${stack.services.get('reporting')!.url}${path}`, {
      headers: { authorization: `Bearer ${provinceToken}` },
    });
    if (!response.ok) throw new Error(`reporting answered ${response.status} to ${path}`);
    return (await response.json()) as T;
  }
  const scopeRow = async (query = '') =>
    (await reporting<{ rows: IndicatorRow[] }>(`/api/v1/indicators?from=${period.from}&to=${period.to}${query}`))
      .rows[0];

  async function personAt(username: string, path: string): Promise<Page> {
    const context = await browser.newContext({
      viewport: { width: 1280, height: 900 },
      locale: 'vi-VN',
      timezoneId: 'Asia/Ho_Chi_Minh',
      acceptDownloads: true,
    });
    contexts.push(context);
    const opened = await context.newPage();
    await signIn(opened, stack.web, username, password(username), path);
    return opened;
  }

  beforeAll(async () => {
    [stack, browser] = await Promise.all([startBrowserStack('leaders-dashboard', 19962), launchChromium()]);
    producer = new Kafka({
      clientId: 'leaders-dashboard-e2e',
      brokers: testKafkaBrokers(),
      logLevel: logLevel.NOTHING,
    }).producer();
    await producer.connect();
    provinceToken = await token('province-leader', undefined, 'dashboard-province-leader');
    const desk = await token('desk-officer', THUY_XUAN, 'dashboard-desk-thuyxuan');

    const open = async () => {
      const row = await scopeRow(`&unit=${THUY_XUAN}`);
      return (row?.counts['openWithinDeadline'] ?? 0) + (row?.counts['openOverdue'] ?? 0);
    };
    // The read model may hold Thuỷ Xuân's dossiers of earlier runs: these three are counted from what is there now.
    const openBefore = await open();

    // Three filings at Thuỷ Xuân's counter, for applicants of Thuỷ Xuân: intake receives them, routing shares them out.
    for (let index = 0; index < 3; index += 1) {
      const response = await fetch(`${stack.services.get('intake')!.url}/api/v1/dossiers`, {
        method: 'POST',
        headers: { authorization: `Bearer ${desk}`, 'content-type': 'application/json' },
        body: JSON.stringify({
          procedureCode: PROCEDURE,
          receivingUnitCode: THUY_XUAN,
          channel: 'counter',
          applicant: {
            name: 'Lê Văn Bảng',
            citizenId: `0460950${String(randomBytes(3).readUIntBE(0, 3)).padStart(5, '0').slice(0, 5)}`,
            phone: '0905123456',
            email: null,
            address: { line: '8 Lê Ngô Cát', communeCode: THUY_XUAN },
          },
          documents: [
            {
              type: 'registration-application',
              fileName: 'don.pdf',
              sha256: randomBytes(32).toString('hex'),
              size: 90_000,
            },
          ],
        }),
      });
      if (response.status !== 201) throw new Error(`intake answered ${response.status}: ${await response.text()}`);
      const { id, code } = (await response.json()) as { id: string; code: string };
      filed.push({ id, code });
    }
    await waitFor(
      async () => (await open()) >= openBefore + 3,
      60_000,
      'the three filings routed at Thuỷ Xuân in the read model',
    );

    // The first one's deadline passed two days ago; the second resolved on time: the events routing publishes for these.
    const now = new Date();
    const origin = (id: string) => ({
      source: 'routing' as const,
      actor: { kind: 'system' as const, id: 'dashboard-e2e' },
      correlationId: id,
      causationId: null,
    });
    const [late, resolved] = filed;
    const pastDue = new Date(now.getTime() - 2 * 86_400_000).toISOString();
    const laterDue = new Date(now.getTime() + 5 * 86_400_000).toISOString();
    await publishEvents(producer, TOPICS.dossier, [
      createEvent(
        DossierRouted,
        late.id,
        { dossierId: late.id, code: late.code, unitCode: THUY_XUAN, assigneeId: 'dashboard-officer', dueAt: pastDue },
        origin(late.id),
        now,
      ),
      createEvent(
        DossierStatusChanged,
        resolved.id,
        {
          dossierId: resolved.id,
          code: resolved.code,
          provinceCode: '46',
          procedureCode: PROCEDURE,
          receivingUnitCode: THUY_XUAN,
          unitCode: THUY_XUAN,
          from: 4,
          to: 9,
          action: 'result-signed',
          reason: null,
          dueAt: laterDue,
          resultChannel: null,
        },
        origin(resolved.id),
        now,
      ),
    ]);
    await waitFor(
      async () =>
        (
          await reporting<{ items: { dossierId: string }[] }>(
            `/api/v1/indicators/dossiers?unit=${THUY_XUAN}&state=late&limit=100`,
          )
        ).items.some((item) => item.dossierId === late.id),
      60_000,
      'the late dossier in the read model',
    );
  }, 240_000);

  afterAll(async () => {
    await Promise.all(contexts.map((context) => context.close()));
    await producer?.disconnect();
    await browser?.close();
    await stack?.close();
  }, 60_000);

  it("shows the province leader the province's 766 indicators, equal to reporting's answer for the same period", async () => {
    page = await personAt('leader.province', '/');
    await page.getByRole('link', { name: 'Bảng điều hành' }).first().click();
    await page.waitForURL((url) => url.pathname === DASHBOARD);
    await page.getByRole('heading', { name: 'Bảng điều hành' }).waitFor();
    await page.getByText(/Số liệu lúc \d{2}:\d{2}:\d{2}/).waitFor();

    // Other tests may file meanwhile: the screen and the API are read until they agree, then compared once more.
    const card = (id: string) => page.locator(`[data-card="${id}"]`);
    // The figures under each card's title (the total's title names Decision 766 itself).
    const figures = async (id: string) =>
      numbersIn((await card(id).locator(':scope > :not(.scope-card-title)').allInnerTexts()).join(' '));
    const screen = async () =>
      Object.fromEntries(
        await Promise.all(
          ['onTime', 'online', 'signed', 'satisfaction', 'total'].map(async (id) => [id, await figures(id)]),
        ),
      );
    const expected = (row: IndicatorRow) => {
      const share = (name: string, id: string) => {
        const ratio = row.indicators[name];
        const points = row.score.indicators.find((indicator) => indicator.id === id)!;
        // Nothing to measure: no share, and the points read "not scored (at most N)".
        if (ratio.value === null) return [ratio.numerator, ratio.denominator, points.maxPoints];
        return [
          Math.round(ratio.value * 1000) / 10,
          ratio.numerator,
          ratio.denominator,
          points.points,
          points.maxPoints,
        ];
      };
      return {
        onTime: share('onTimeOrWithinDeadlineShare', 'progress.onTimeOrWithinDeadline'),
        online: share('onlineDossierShare', 'online.onlineDossierShare'),
        signed: share('signedElectronicResultShare', 'digitisation.signedElectronicResults'),
        // The group's points when any of it is assessed, then the citizens' satisfied ratings of all.
        satisfaction: [...satisfactionPoints(row), row.counts['satisfiedRatings'], row.counts['ratings']],
        total: [row.score.total.points, row.score.total.maxPoints, row.score.total.assessedMaxPoints].map(
          (value) => Math.round(value * 100) / 100,
        ),
      };
    };
    let answer = expected(await scopeRow());
    await waitFor(
      async () => {
        answer = expected(await scopeRow());
        return JSON.stringify(await screen()) === JSON.stringify(answer);
      },
      30_000,
      'the cards to show the API’s numbers',
    );
    expect(await screen()).toEqual(answer);
    // This test's three dossiers at least are measured: resolved on time, open within the deadline, open overdue.
    expect(answer.onTime[2]).toBeGreaterThanOrEqual(3);
    await checkScreen(page, 'dashboard-province');
  });

  it("downloads a chart's CSV equal to its table, in UTF-8 with a byte order mark and Vietnamese headers", async () => {
    const chart = page.getByRole('region', { name: 'Hồ sơ theo tình trạng' });
    await chart.getByText('Bảng', { exact: true }).click();
    const table = chart.locator('table');
    await table.waitFor();
    const shown = await table
      .locator('tr')
      .evaluateAll((rows) =>
        rows.map((row) =>
          Array.from(row.children, (cell) => (cell as { textContent: string | null }).textContent ?? ''),
        ),
      );
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      chart.getByRole('button', { name: 'Tải CSV: Hồ sơ theo tình trạng' }).click(),
    ]);
    const bytes = readFileSync((await download.path())!);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const csv = bytes
      .toString('utf8')
      .slice(1)
      .trimEnd()
      .split('\r\n')
      .map((line) => line.split(','));
    expect(csv[0]).toEqual(['Tình trạng', 'Số hồ sơ']);
    expect(csv[0]).toEqual(shown[0]);
    expect(csv.slice(1).map(([status, count]) => [status, Number(count)])).toEqual(
      shown.slice(1).map(([status, count]) => [status, numbersIn(count)[0]]),
    );
    expect(csv.length).toBe(8);
  });

  it('drills down from the province to Thuỷ Xuân, its procedure and the late dossier, and opens its page', async () => {
    const late = filed[0];
    await page
      .getByRole('table', { name: /Mỗi xã, phường một dòng/ })
      .getByRole('link', { name: 'Phường Thuỷ Xuân' })
      .click();
    await page.waitForURL((url) => url.searchParams.get('unit') === THUY_XUAN);
    const breadcrumb = page.getByRole('navigation', { name: 'Vị trí trong bảng điều hành' });
    await breadcrumb.getByText('Phường Thuỷ Xuân').waitFor();
    await breadcrumb.getByRole('link', { name: 'Toàn tỉnh' }).waitFor();

    // Other tests file other procedures at Thuỷ Xuân: this one's row is found by where it leads.
    await page
      .getByRole('table', { name: /Thủ tục của Phường Thuỷ Xuân/ })
      .locator(`a[href$="procedure=${PROCEDURE}"]`)
      .click();
    await page.waitForURL((url) => url.searchParams.get('procedure') === PROCEDURE);
    // Codes restart with a fresh intake database, so the dossier is found by the page it opens.
    const lateLink = page.getByRole('table', { name: /hồ sơ đang quá hạn/ }).locator(`a[href="/ho-so/${late.id}"]`);
    await lateLink.waitFor();
    expect(await lateLink.textContent()).toBe(late.code);
    // The officer holding it, by his whole account id.
    await page
      .getByRole('table', { name: /hồ sơ đang quá hạn/ })
      .getByRole('cell', { name: 'dashboard-officer', exact: true })
      .waitFor();
    await checkScreen(page, 'dashboard-late-dossiers');

    await lateLink.click();
    await page.waitForURL((url) => url.pathname === `/ho-so/${late.id}`);
    await page.getByText(late.code).first().waitFor();
    await page.goBack();
    await page.waitForURL((url) => url.pathname === DASHBOARD && url.searchParams.get('procedure') === PROCEDURE);
  });

  it('prints a clean report: no menu, the figures of the period', async () => {
    await page.goto(`${stack.web}${DASHBOARD}`);
    await page.locator('[data-card="total"]').waitFor();
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.ant-layout-sider').isVisible()).toBe(false);
    expect(await page.getByRole('button', { name: 'In báo cáo' }).isVisible()).toBe(false);
    await page.screenshot({ path: join(SCREENSHOTS, 'dashboard-print.png'), fullPage: true });
    await page.emulateMedia({ media: 'screen' });
  });

  it("shows Thuỷ Xuân's leader his own unit, equal to reporting's answer for it, and keeps the period in the address", async () => {
    const leader = await personAt('leader.thuyxuan', DASHBOARD);
    await leader
      .getByRole('navigation', { name: 'Vị trí trong bảng điều hành' })
      .getByText('Phường Thuỷ Xuân')
      .waitFor();
    const received = async () =>
      numbersIn(
        await leader
          .getByRole('img', { name: /^Hồ sơ theo tình trạng\./ })
          .getAttribute('aria-label')
          .then((label) => label ?? ''),
      )[0];
    let row = await scopeRow(`&unit=${THUY_XUAN}`);
    await waitFor(
      async () => {
        row = await scopeRow(`&unit=${THUY_XUAN}`);
        return (await received()) === row.counts['received'];
      },
      30_000,
      "the unit's received dossiers on the leader's screen",
    );
    expect(await received()).toBe(row.counts['received']);
    await checkScreen(leader, 'dashboard-unit');

    // Another period is a new address: shared as it is, and the back button returns to this month.
    await leader.getByLabel('Kỳ báo cáo').click();
    // Ant Design's visible list, not its hidden one for screen readers.
    await leader.locator('.ant-select-item-option', { hasText: 'Năm' }).click();
    await leader.waitForURL(
      (url) =>
        url.searchParams.get('period') === 'year' &&
        url.searchParams.get('from') === `${period.to.slice(0, 4)}-01-01` &&
        url.searchParams.get('to') === period.to,
    );
    await leader.getByText(`Phường Thuỷ Xuân, từ 01/01/${period.to.slice(0, 4)} đến`).waitFor();
    await leader.goBack();
    await leader
      .getByText(`Phường Thuỷ Xuân, từ 01/${period.from.slice(5, 7)}/${period.from.slice(0, 4)} đến`)
      .waitFor();
  });
});
