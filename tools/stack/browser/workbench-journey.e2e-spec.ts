import { seedUsers } from '@onestop/local-stack';
import { waitFor } from '@onestop/testing';
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Browser, BrowserContext, FileChooser, Page } from 'playwright-core';
import { checkScreen, launchChromium, signIn } from './browser';
import { startWebServer, stopWebServer } from '@onestop/local-stack';
import { BrowserStack, startBrowserStack } from './browser-stack';
import { WEB_BUILD } from '../web-application';

const PORT = 19897;
const password = (username: string) => seedUsers().find((user) => user.username === username)!.password;

/**
 * The whole one-stop process through the screens, in Debian's Chromium, against the real services,
 * Kafka, PostgreSQL, Redis and Keycloak: Phú Xuân's desk files for an applicant of Thuỷ Xuân, Thuỷ
 * Xuân's specialist sees it arrive without reloading and asks for a supplement, the desk receives
 * it, Thuỷ Xuân's leader approves and the service signs, the public look-up shows the result ready,
 * and the signed PDF downloads and verifies. Every screen is checked with axe and photographed.
 */
describe('the workbench in a browser', () => {
  jest.setTimeout(240_000);
  let stack: BrowserStack;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  const downloads = mkdtempSync(join(tmpdir(), 'onestop-browser-'));
  const phone = `09${randomBytes(4).readUInt32BE(0).toString().padStart(8, '0').slice(0, 8)}`;
  let code = '';
  let dossierPath = '';

  async function personAt(username: string, path = '/'): Promise<Page> {
    const context = await browser.newContext({
      viewport: { width: 1280, height: 900 },
      locale: 'vi-VN',
      timezoneId: 'Asia/Ho_Chi_Minh',
      acceptDownloads: true,
    });
    contexts.push(context);
    const page = await context.newPage();
    await signIn(page, stack.web, username, password(username), path);
    return page;
  }

  beforeAll(async () => {
    [stack, browser] = await Promise.all([startBrowserStack('browser-journey', PORT), launchChromium()]);
  }, 240_000);

  afterAll(async () => {
    await Promise.all(contexts.map((context) => context.close()));
    await browser?.close();
    await stack?.close();
    rmSync(downloads, { recursive: true, force: true });
  }, 60_000);

  let specialist: Page;
  let desk: Page;

  it('shows the sign-in page before anything, then Keycloak, then the desk its counter', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    contexts.push(context);
    const anonymous = await context.newPage();
    await anonymous.goto(`${stack.web}/ho-so`);
    await anonymous.getByRole('button', { name: 'Đăng nhập' }).waitFor();
    await checkScreen(anonymous, 'sign-in');

    // The specialist of Thuỷ Xuân has the work queue open before the dossier exists.
    specialist = await personAt('specialist.thuyxuan', '/ho-so');
    await specialist.getByRole('heading', { name: 'Hồ sơ cần xử lý' }).waitFor();
    await specialist.evaluate(() => ((globalThis as unknown as { notReloaded: boolean }).notReloaded = true));

    desk = await personAt('desk.phuxuan');
    await desk.waitForURL(/\/quay\/tiep-nhan$/);
    await desk.getByRole('heading', { name: 'Tiếp nhận hồ sơ tại quầy' }).waitFor();
    await checkScreen(desk, 'counter-filing-empty');
  });

  it('files at Phú Xuân for an applicant of Thuỷ Xuân, finding the procedure without diacritics, and prints the receipt', async () => {
    // Typed without diacritics, picked with Enter as a desk officer at the keyboard does.
    await desk.getByLabel('Thủ tục hành chính').fill('xac nhan cu tru');
    await desk.getByRole('option', { name: 'Xác nhận thông tin về cư trú' }).waitFor({ state: 'attached' });
    await desk.getByLabel('Thủ tục hành chính').press('Enter');
    await desk.getByText('Thành phần hồ sơ').waitFor();
    await desk
      .locator('input[type=file]')
      .first()
      .setInputFiles({
        name: 'to-khai-cu-tru.pdf',
        mimeType: 'application/pdf',
        buffer: Buffer.from(`%PDF-1.4 to khai ${randomBytes(8).toString('hex')}`),
      });
    await desk.getByText('Đã nhận: to-khai-cu-tru.pdf').waitFor();
    await desk.getByLabel('Họ và tên').fill('Hoàng Thị Thuỷ');
    await desk.getByLabel('Số định danh cá nhân (CCCD)').fill('046190001122');
    await desk.getByLabel('Số điện thoại').fill(phone);
    await desk.getByLabel('Số nhà, đường, thôn/tổ').fill('27 Nguyễn Sinh Cung');
    // The applicant's commune, picked from the whole province by its name typed without diacritics.
    await desk.getByLabel('Xã/phường nơi cư trú').fill('thuy xuan');
    await desk.getByRole('option', { name: 'Phường Thuỷ Xuân' }).waitFor({ state: 'attached' });
    await desk.getByLabel('Xã/phường nơi cư trú').press('Enter');
    await desk.getByLabel('Xã/phường nơi cư trú').press('Tab');
    // The appointment, from intake's own deadline code, before anything is saved.
    await desk.getByText(/^\d{2}\/\d{2}\/\d{4} \(hạn xử lý \d{2}\/\d{2}\/\d{4} \d{2}:\d{2}\)$/).waitFor();
    await checkScreen(desk, 'counter-filing-filled');
    await desk.getByRole('button', { name: 'Tiếp nhận và in biên nhận' }).click();

    await desk.waitForURL(/\/quay\/bien-nhan\//);
    code = (await desk.locator('.receipt-code').textContent())!.trim();
    expect(code).toMatch(/^19753-\d{6}-\d{4}$/);
    await desk.getByText('GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ').waitFor();
    await desk.getByText('PHƯỜNG PHÚ XUÂN').waitFor();
    await desk.getByText('Phường Thuỷ Xuân').waitFor();
    await desk.getByRole('img', { name: `Mã QR tra cứu hồ sơ ${code}` }).waitFor();
    await checkScreen(desk, 'receipt');
  });

  it("reaches Thuỷ Xuân's specialist, whose open work queue shows it without reloading", async () => {
    await specialist.getByRole('link', { name: code }).waitFor({ timeout: 60_000 });
    await expect(
      specialist.evaluate(() => (globalThis as unknown as { notReloaded?: boolean }).notReloaded),
    ).resolves.toBe(true);
    await checkScreen(specialist, 'work-queue');
  });

  it('is accepted by the specialist, who asks for a supplement with a reason', async () => {
    await specialist.getByRole('link', { name: code }).click();
    await specialist.getByRole('heading', { name: `Hồ sơ ${code}` }).waitFor();
    dossierPath = new URL(specialist.url()).pathname;
    await checkScreen(specialist, 'dossier');
    await act(specialist, 'Nhận xử lý');
    await act(specialist, 'Yêu cầu bổ sung', 'Bổ sung bản sao sổ tạm trú');
    await specialist.getByText('Chờ bổ sung').first().waitFor();
  });

  it('takes in the supplement at the desk that received the dossier', async () => {
    await desk.goto(`${stack.web}${dossierPath}`);
    await act(desk, 'Đã nhận bổ sung');
    await desk.getByText('Đang xử lý').first().waitFor();
  });

  it("is approved by Thuỷ Xuân's leader and signed by the service with the leader's key", async () => {
    const leader = await personAt('leader.thuyxuan', dossierPath);
    await leader.getByRole('heading', { name: `Hồ sơ ${code}` }).waitFor();
    await act(leader, 'Phê duyệt');
    await leader.getByText('Đã có kết quả').first().waitFor({ timeout: 90_000 });
    await checkScreen(leader, 'dossier-signed');

    const downloadButton = leader.getByRole('button', { name: 'Tải kết quả đã ký (PDF)' });
    await downloadButton.waitFor({ timeout: 30_000 });
    const [download] = await Promise.all([leader.waitForEvent('download'), downloadButton.click()]);
    const file = join(downloads, `${code}.pdf`);
    await download.saveAs(file);
    expect(download.suggestedFilename()).toBe(`${code}.pdf`);
    const pdfsig = execFileSync('pdfsig', [file], { encoding: 'utf8' });
    expect(pdfsig).toMatch(/Signature is Valid/);
    const verification = await (await fetch(`${stack.web}/api/digital-signature/v1/public/results/${code}`)).json();
    expect(verification).toMatchObject({ indication: 'TOTAL_PASSED' });
  });

  it('shows the result ready on the public look-up the receipt points to', async () => {
    const context = await browser.newContext({ viewport: { width: 375, height: 812 } });
    contexts.push(context);
    const citizen = await context.newPage();
    await citizen.goto(`${stack.web}/tra-cuu?ma=${encodeURIComponent(code)}`);
    await citizen.getByLabel('4 số cuối điện thoại').fill(phone.slice(-4));
    await citizen.getByRole('button', { name: 'Tra cứu' }).click();
    await waitFor(
      async () => (await citizen.getByText('Đã có kết quả').count()) > 0,
      30_000,
      'the look-up to show the result ready',
    );
    await checkScreen(citizen, 'public-lookup');
  });

  it('files a whole dossier from the keyboard alone', async () => {
    await desk.goto(`${stack.web}/quay/tiep-nhan`);
    await desk.getByRole('heading', { name: 'Tiếp nhận hồ sơ tại quầy' }).waitFor();
    // The procedure field has the focus when the page opens.
    await desk.keyboard.type('xac nhan cu tru', { delay: 20 });
    await desk.getByRole('option', { name: 'Xác nhận thông tin về cư trú' }).waitFor({ state: 'attached' });
    await desk.keyboard.press('Enter');
    const chooser = await openFileChooserWithKeyboard(
      desk,
      'Chọn bản quét: Tờ khai thay đổi thông tin cư trú (mẫu CT01)',
    );
    await chooser.setFiles({
      name: 'to-khai.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from(`%PDF-1.4 ${randomBytes(8).toString('hex')}`),
    });
    await desk.getByText('Đã nhận: to-khai.pdf').waitFor();
    for (const [label, text] of [
      ['Họ và tên', 'Trần Văn Bảo'],
      ['Số định danh cá nhân (CCCD)', '046085003344'],
      ['Số điện thoại', '0905111222'],
      ['Số nhà, đường, thôn/tổ', '3 Lê Lợi'],
      ['Xã/phường nơi cư trú', 'kim long'],
    ]) {
      await tabTo(desk, label);
      await desk.keyboard.type(text, { delay: 10 });
    }
    await desk.getByRole('option', { name: 'Phường Kim Long' }).waitFor({ state: 'attached' });
    await desk.keyboard.press('Enter');
    await tabTo(desk, 'Tiếp nhận và in biên nhận');
    await desk.keyboard.press('Enter');
    await desk.waitForURL(/\/quay\/bien-nhan\//);
    await desk.getByText('GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ').waitFor();
    await desk.locator('.receipt').getByText('Phường Kim Long', { exact: true }).waitFor();
  });

  it('opens every screen of the desk, a unit leader and the province administrator with no serious accessibility violation', async () => {
    for (const [path, name, heading] of [
      ['/quay/truc-tuyen', 'desk-online-filings', 'Hồ sơ trực tuyến'],
      ['/quay/tra-ket-qua', 'desk-supplements-results', 'Bổ sung và trả kết quả'],
      ['/quay/xep-hang', 'desk-queue', 'Xếp hàng'],
      ['/man-hinh-cho/19753', 'waiting-room-display', 'Mời công dân'],
    ]) {
      await desk.goto(`${stack.web}${path}`);
      await desk.getByRole('heading', { level: 1, name: new RegExp(heading) }).waitFor();
      await desk.waitForLoadState('networkidle');
      await checkScreen(desk, name);
    }
    const leader = await personAt('leader.phuxuan', '/lanh-dao/phe-duyet');
    for (const [path, name, heading] of [
      ['/lanh-dao/phe-duyet', 'leader-approvals', 'Phê duyệt'],
      ['/lanh-dao/xin-loi', 'leader-apologies', 'Thư xin lỗi'],
      ['/lanh-dao/canh-bao', 'leader-escalations', 'Cảnh báo'],
      ['/lanh-dao/can-bo', 'leader-officers', 'Cán bộ'],
    ]) {
      await leader.goto(`${stack.web}${path}`);
      await leader.getByRole('heading', { level: 1, name: new RegExp(heading) }).waitFor();
      await leader.waitForLoadState('networkidle');
      await checkScreen(leader, name);
    }
    const admin = await personAt('admin.province', '/quan-tri/chung-thu');
    for (const [path, name, heading] of [
      ['/quan-tri/chung-thu', 'admin-certificates', 'Chứng thư'],
      ['/quan-tri/mau-thong-bao', 'admin-templates', 'Mẫu'],
      ['/quan-tri/lich', 'admin-calendar', 'Lịch'],
      ['/quan-tri/webhook', 'admin-webhooks', 'Webhook'],
      ['/quan-tri/gui-thong-bao', 'admin-deliveries', 'thông báo'],
    ]) {
      await admin.goto(`${stack.web}${path}`);
      await admin.getByRole('heading', { level: 1, name: new RegExp(heading, 'i') }).waitFor();
      await admin.waitForLoadState('networkidle');
      await checkScreen(admin, name);
    }
  });

  it('says so, with a retry, when the identity provider does not answer', async () => {
    const unreachable = await startWebServer({
      name: 'browser-no-provider',
      port: PORT + 1,
      root: WEB_BUILD,
      services: {},
      // Nothing listens on port 9: the discovery document cannot be fetched.
      runtimeConfig: {
        oidc: { authority: 'http://127.0.0.1:9/realms/onestop', clientId: 'onestop-web' },
        publicLookupUrl: `${stack.web}/tra-cuu`,
        provinceCode: '46',
      },
    });
    try {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      contexts.push(context);
      const page = await context.newPage();
      await page.goto(`${unreachable.url}/ho-so`);
      await page.getByRole('button', { name: 'Đăng nhập' }).click();
      await page.getByRole('heading', { name: 'Không kết nối được máy chủ đăng nhập' }).waitFor();
      await page.getByRole('button', { name: 'Thử lại' }).waitFor();
      await checkScreen(page, 'provider-unreachable');
    } finally {
      await stopWebServer('browser-no-provider');
    }
  });
});

/** Does a dossier action as an officer would: its button, then its dialog (with the reason when it needs one). */
async function act(page: Page, action: string, reason?: string): Promise<void> {
  await page.getByRole('button', { name: action, exact: true }).first().click();
  const dialog = page.getByRole('dialog');
  await dialog.waitFor();
  if (reason) await dialog.getByLabel('Lý do').fill(reason);
  await dialog.getByRole('button', { name: action, exact: true }).click();
  await dialog.waitFor({ state: 'detached' });
  await page.getByText(`Đã thực hiện: ${action}`).waitFor();
}

/** Moves the focus with Tab alone until it reaches the control with this accessible name (at most 40 presses). */
async function tabTo(page: Page, name: string): Promise<void> {
  for (let presses = 0; presses < 40; presses += 1) {
    const focused = await page.evaluate(() => {
      const element = (
        globalThis as unknown as {
          document: {
            activeElement: {
              getAttribute(name: string): string | null;
              id: string;
              labels?: { textContent: string | null }[];
              textContent: string | null;
            } | null;
          };
        }
      ).document.activeElement;
      if (!element) return '';
      const label = element.getAttribute('aria-label') ?? element.labels?.[0]?.textContent ?? element.textContent ?? '';
      return label.replace(/\s+/g, ' ').trim();
    });
    if (focused === name || focused.startsWith(`${name} `)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${name}`);
}

/**
 * Opens a file dialog from the keyboard: Tab to the button, Enter. A busy machine may let the
 * screen re-render between the two (the appointment quote arriving): Enter is pressed again on the
 * same button, never anything but the keyboard.
 */
async function openFileChooserWithKeyboard(page: Page, name: string): Promise<FileChooser> {
  for (let attempt = 1; ; attempt += 1) {
    await tabTo(page, name);
    const chooser = page.waitForEvent('filechooser', { timeout: 5_000 });
    await page.keyboard.press('Enter');
    try {
      return await chooser;
    } catch (error) {
      if (attempt === 3) throw error;
    }
  }
}
