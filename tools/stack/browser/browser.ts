import { chromium, Browser, Page } from 'playwright-core';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../run';

/** Screenshots of every screen the browser tests visit, kept with the run's reports. */
export const SCREENSHOTS = join(ROOT, 'reports', 'screenshots');

/** Debian's Chromium, headless, with what this machine needs: no sandbox as root, no calls home (the network is closed). */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** Signs in at Keycloak's own page as a person does: the application's button, then the provider's form. */
export async function signIn(page: Page, web: string, username: string, password: string, path = '/'): Promise<void> {
  await page.goto(`${web}${path}`);
  await page.getByRole('button', { name: /Đăng nhập|Sign in/ }).click();
  await page.locator('#username').fill(username);
  await page.locator('#password').fill(password);
  await page.locator('#kc-login').click();
  await page.waitForURL((url) => url.origin === web && !url.pathname.startsWith('/dang-nhap'));
}

const AXE_SOURCE = () => readFileSync(join(ROOT, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/**
 * axe-core's serious and critical violations on the page as it is now (WCAG 2.1 A and AA rules).
 * axe is evaluated by the browser's debugging protocol, so the page's CSP, which forbids injected scripts, stays as it is.
 */
export async function seriousAccessibilityViolations(page: Page): Promise<AxeViolation[]> {
  await page.evaluate(AXE_SOURCE());
  const violations = await page.evaluate(async () => {
    // This runs in the page: its globals are the browser's, typed here only as far as used.
    const page = globalThis as unknown as {
      document: unknown;
      axe: { run(context: unknown, options: object): Promise<{ violations: AxeViolation[] }> };
    };
    const result = await page.axe.run(page.document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    });
    return result.violations.map(({ id, impact, help, nodes }) => ({
      id,
      impact,
      help,
      nodes: nodes.map((node) => ({ target: node.target as string[] })),
    }));
  });
  return violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical');
}

/** The screen at a desk's width (1280 px) and a phone's (375 px), kept as PNGs; the page returns to the desk's width. */
export async function screenshotBothWidths(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  for (const width of [375, 1280]) {
    await page.setViewportSize({ width, height: width === 375 ? 812 : 900 });
    await page.waitForTimeout(150);
    await page.screenshot({ path: join(SCREENSHOTS, `${name}-${width}.png`), fullPage: true });
  }
}

/**
 * A screen as the tests check each one: no serious or critical accessibility violation, then a
 * photograph at both widths; the page is left at a desk's width, or a phone's when it was there.
 */
export async function checkScreen(page: Page, name: string): Promise<void> {
  const width = page.viewportSize()?.width;
  // A select's list still closing (its animation) is not the screen a person reads.
  await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)').first().waitFor({ state: 'hidden' });
  const violations = await seriousAccessibilityViolations(page);
  expect({ screen: name, violations }).toEqual({ screen: name, violations: [] });
  await screenshotBothWidths(page, name);
  if (width === 375) await page.setViewportSize({ width: 375, height: 812 });
}
