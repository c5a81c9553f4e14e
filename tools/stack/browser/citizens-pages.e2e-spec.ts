import { seedUsers } from '@onestop/local-stack';
import { waitFor } from '@onestop/testing';
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { passwordGrant } from '@onestop/local-stack';
import { Browser, BrowserContext, Page } from 'playwright-core';
import { checkScreen, launchChromium, signIn } from './browser';
import { BrowserStack, startBrowserStack } from './browser-stack';

const PHU_XUAN = '19753';
const THUY_XUAN = '19813';
/** The fields of the services' answers this test reads. */
interface Answer {
  id: string;
  code: string;
  version: number;
  status: number;
  display: string;
  items: { details: { documentId: string } }[];
}

const password = (username: string) => seedUsers().find((user) => user.username === username)!.password;

/**
 * The citizens' pages on a 375 px phone, in Debian's Chromium, against the real services, Kafka,
 * PostgreSQL, Redis and Keycloak: a signed result verified where its QR code leads and a PDF
 * checked by upload (a changed copy said to be changed), a queue number taken from home and
 * followed until the desk calls it, and the seed citizen's own dossiers after sign-in.
 */
describe("the citizens' pages in a browser", () => {
  jest.setTimeout(240_000);
  let stack: BrowserStack;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  const work = mkdtempSync(join(tmpdir(), 'onestop-citizens-'));
  const tokens: Record<string, string> = {};

  const call = async (service: string, path: string, token: string, init: { method?: string; body?: unknown } = {}) => {
    const response = await fetch(`${stack.web}/api/${service}/${path}`, {
      method: init.method ?? 'GET',
      headers: {
        authorization: `Bearer ${token}`,
        'content-type': 'application/json',
        'idempotency-key': randomBytes(8).toString('hex'),
      },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
    });
    return { status: response.status, body: (await response.json().catch(() => null)) as Answer };
  };
  const filing = (receivingUnitCode: string, channel: 'counter' | 'online', phone: string) => ({
    procedureCode: 'HKD-DANGKY',
    receivingUnitCode,
    channel,
    applicant: {
      name: 'Lê Văn Cường',
      citizenId: '046090007788',
      phone,
      address: { line: '5 Lê Lợi', communeCode: THUY_XUAN },
    },
    documents: [
      { type: 'registration-application', fileName: 'giay-de-nghi.pdf', sha256: 'c'.repeat(64), size: 60_000 },
    ],
  });

  async function phone(): Promise<Page> {
    const context = await browser.newContext({
      viewport: { width: 375, height: 812 },
      locale: 'vi-VN',
      timezoneId: 'Asia/Ho_Chi_Minh',
    });
    contexts.push(context);
    return context.newPage();
  }

  beforeAll(async () => {
    [stack, browser] = await Promise.all([startBrowserStack('citizens-pages', 19972), launchChromium()]);
    for (const username of ['citizen', 'desk.phuxuan', 'specialist.thuyxuan', 'leader.thuyxuan'])
      tokens[username] = await passwordGrant(stack.keycloak.tokenUrl, username, password(username));
  }, 240_000);

  afterAll(async () => {
    await Promise.all(contexts.map((context) => context.close()));
    await browser?.close();
    await stack?.close();
    rmSync(work, { recursive: true, force: true });
  }, 60_000);

  describe('a signed result', () => {
    let code = '';
    let signed: Buffer;

    beforeAll(async () => {
      // Filed at Phú Xuân for an applicant of Thuỷ Xuân, accepted there and approved by its seed leader: the service signs.
      const filed = await call('intake', 'v1/dossiers', tokens['desk.phuxuan'], {
        method: 'POST',
        body: filing(PHU_XUAN, 'counter', '0934000111'),
      });
      expect(filed.status).toBe(201);
      code = filed.body.code;
      const dossier = async () => call('routing', `v1/dossiers/${filed.body.id}`, tokens['leader.thuyxuan']);
      await waitFor(async () => (await dossier()).status === 200, 30_000, 'the dossier routed to Thuỷ Xuân');
      const act = async (username: string, action: string) =>
        expect(
          (
            await call('routing', `v1/dossiers/${filed.body.id}/actions`, tokens[username], {
              method: 'POST',
              body: { version: (await dossier()).body.version, action },
            })
          ).status,
        ).toBe(200);
      await act('specialist.thuyxuan', 'accept');
      await act('leader.thuyxuan', 'approve');
      await waitFor(async () => (await dossier()).body.status === 9, 90_000, 'the result signed');
      const history = await call('routing', `v1/dossiers/${filed.body.id}/history`, tokens['leader.thuyxuan']);
      const documentId = history.body.items.at(-1)!.details.documentId;
      const download = await fetch(`${stack.web}/api/digital-signature/v1/documents/${documentId}`, {
        headers: { authorization: `Bearer ${tokens['leader.thuyxuan']}` },
      });
      signed = Buffer.from(await download.arrayBuffer());
    }, 180_000);

    it('carries, beside its QR code, the address of the verification page of this web application', () => {
      writeFileSync(join(work, 'result.pdf'), signed);
      const text = execFileSync('pdftotext', [join(work, 'result.pdf'), '-'], { encoding: 'utf8' }).replace(
        /\s+/g,
        ' ',
      );
      expect(text).toContain(`${stack.web}/xac-minh/${code}`);
    });

    it('opens at that address on a phone with the signer, the time and a verdict in plain words', async () => {
      const citizen = await phone();
      await citizen.goto(`${stack.web}/xac-minh/${code}`);
      await citizen.getByRole('heading', { name: `Kết quả của hồ sơ ${code}` }).waitFor();
      await citizen.getByText('Hợp lệ: văn bản còn nguyên vẹn, chữ ký được tin cậy').waitFor({ timeout: 30_000 });
      await citizen.getByText('Võ Văn Dũng').waitFor();
      await citizen.getByText('Nguyên vẹn').first().waitFor();
      await citizen.getByText('Được tin cậy').first().waitFor();
      await citizen
        .getByText(/^\d{2}\/\d{2}\/\d{4} \d{2}:\d{2} \(có dấu thời gian\)$/)
        .first()
        .waitFor();
      await checkScreen(citizen, 'citizens-verification-result');
    });

    it('checks an uploaded copy: the signed file is valid, a copy with one byte changed is said to be changed', async () => {
      const citizen = await phone();
      await citizen.goto(`${stack.web}/xac-minh`);
      await citizen
        .getByLabel('Tệp PDF', { exact: true })
        .setInputFiles({ name: `${code}.pdf`, mimeType: 'application/pdf', buffer: signed });
      await citizen.getByRole('button', { name: 'Kiểm tra tệp' }).click();
      await citizen.getByText('Hợp lệ: văn bản còn nguyên vẹn, chữ ký được tin cậy').waitFor({ timeout: 30_000 });

      // A byte of the header's comment line, inside what the signature covers: the file still opens, but is not what was signed.
      const changed = Buffer.from(signed);
      changed[10] = changed[10] === 0x41 ? 0x42 : 0x41;
      await citizen
        .getByLabel('Tệp PDF', { exact: true })
        .setInputFiles({ name: 'ban-sua.pdf', mimeType: 'application/pdf', buffer: changed });
      await citizen.getByRole('button', { name: 'Kiểm tra tệp' }).click();
      await citizen.getByText('Không hợp lệ: văn bản đã bị thay đổi sau khi ký').waitFor({ timeout: 30_000 });
      await citizen.getByText('Đã bị thay đổi').first().waitFor();
      await checkScreen(citizen, 'citizens-verification-changed');
    });
  });

  it('gives a queue number from home that moves up as the desk calls, and then says which counter', async () => {
    // The number before it: a priority ticket taken at the kiosk, as the citizen's will be.
    // The centre's kiosk is signed in as its desk.
    await call('intake', `v1/receiving-units/${PHU_XUAN}/tickets`, tokens['desk.phuxuan'], {
      method: 'POST',
      body: { channel: 'kiosk', priorityGroup: 'elderly' },
    });

    const citizen = await phone();
    await citizen.goto(`${stack.web}/lay-so`);
    await citizen.getByRole('heading', { name: 'Lấy số thứ tự' }).waitFor();
    await citizen.getByLabel('Nơi bạn sẽ đến').selectOption(PHU_XUAN);
    await citizen.getByLabel('Người cao tuổi').check();
    await checkScreen(citizen, 'citizens-ticket-form');
    await citizen.getByRole('button', { name: 'Lấy số' }).click();
    await citizen.getByText('Số của bạn').waitFor();
    const display = (await citizen.locator('#ticket-number').textContent())!.trim();
    expect(display).toMatch(/^U-\d{3,}$/);
    await citizen
      .getByText('Bạn đã chọn nhóm ưu tiên: hãy mang giấy tờ chứng minh để cán bộ xác nhận tại quầy.')
      .waitFor();
    await citizen.getByText(/^Còn \d+ người trước bạn$/).waitFor();
    await citizen.getByText(/^Thời gian chờ dự kiến khoảng \d+ phút\.$/).waitFor();
    await checkScreen(citizen, 'citizens-ticket-waiting');

    // A reload finds the same number.
    await citizen.reload();
    await citizen.locator('#ticket-number').getByText(display).waitFor();

    // The desk calls until only the citizen's number is next; the page follows each call.
    const ahead = async () =>
      Number(
        (
          (await citizen
            .getByText(/^Còn \d+ người trước bạn$/)
            .textContent({ timeout: 1_000 })
            .catch(() => 'Còn 0 người')) ?? ''
        ).match(/\d+/)![0],
      );
    let remaining = await ahead();
    expect(remaining).toBeGreaterThanOrEqual(1);
    while (remaining > 0) {
      const called = await call('intake', `v1/receiving-units/${PHU_XUAN}/calls`, tokens['desk.phuxuan'], {
        method: 'POST',
        body: { counter: 'Quầy 3' },
      });
      expect(called.status).toBe(200);
      expect(called.body.display).not.toBe(display);
      const expected = remaining - 1;
      await waitFor(
        async () =>
          expected === 0
            ? (await citizen.getByText('Bạn là người tiếp theo').count()) > 0
            : (await ahead()) === expected,
        15_000,
        `the page to show ${expected} ahead`,
      );
      remaining = expected;
    }
    const mine = await call('intake', `v1/receiving-units/${PHU_XUAN}/calls`, tokens['desk.phuxuan'], {
      method: 'POST',
      body: { counter: 'Quầy 3' },
    });
    expect(mine.body.display).toBe(display);
    await citizen.getByText('Đến lượt bạn: mời đến Quầy 3').waitFor({ timeout: 15_000 });
    await checkScreen(citizen, 'citizens-ticket-called');
  });

  it('shows the seed citizen, signed in, their own dossiers, each opening its status and steps', async () => {
    const filed = await call('intake', 'v1/dossiers', tokens['citizen'], {
      method: 'POST',
      body: filing(THUY_XUAN, 'online', '0934000222'),
    });
    expect(filed.status).toBe(201);
    const citizen = await phone();
    await signIn(citizen, stack.web, 'citizen', password('citizen'), '/cua-toi');
    await citizen.getByRole('heading', { name: 'Hồ sơ của tôi' }).waitFor();
    const card = citizen.getByRole('listitem').filter({ hasText: filed.body.code });
    await card.getByText('Mới nộp trực tuyến').waitFor();
    await checkScreen(citizen, 'citizens-my-dossiers');

    await card.getByRole('link', { name: `Xem các bước xử lý của hồ sơ ${filed.body.code}` }).click();
    await citizen.waitForURL(/\/tra-cuu\?ma=/);
    await expect(citizen.getByLabel('Mã hồ sơ').inputValue()).resolves.toBe(filed.body.code);
    await citizen.getByLabel('4 số cuối điện thoại').fill('0222');
    await citizen.getByRole('button', { name: 'Tra cứu' }).click();
    await citizen.getByRole('heading', { name: `Hồ sơ ${filed.body.code}` }).waitFor({ timeout: 30_000 });
    await citizen.getByText('Các bước đã qua').waitFor();
    await expect(citizen.locator('.public-timeline li').count()).resolves.toBeGreaterThanOrEqual(1);
    await checkScreen(citizen, 'citizens-lookup');
  });
});
