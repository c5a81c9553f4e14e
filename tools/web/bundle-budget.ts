import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

/** One chunk of Vite's build manifest (build.manifest: true). */
interface ManifestChunk {
  file: string;
  isEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
}
type Manifest = Record<string, ManifestChunk>;

/** Kilobytes of gzip-compressed JavaScript (1 KB = 1,000 bytes) an officer's screen may load. */
const OFFICE_BUDGET_KB = 350;
/** The citizens' pages, opened on phones over mobile data, from a QR code or a link in a message. */
const CITIZEN_BUDGET_KB = 200;
/**
 * The leaders' dashboard: an officer's screen plus Apache ECharts (about 200 KB of it, the chart
 * types used only), opened on office networks; budgeted so that it does not grow unseen.
 */
const DASHBOARD_BUDGET_KB = 600;

interface BudgetedScreen {
  /** The screen's route modules (keys of the manifest) after the application's entry. */
  routeModules: string[];
  budgetKb: number;
}

/** What a person waits for before a screen works: the application's entry, then the screen's own chunk, with every chunk they import. */
export const BUDGETED_SCREENS: Record<string, BudgetedScreen> = {
  'sign-in': { routeModules: [], budgetKb: OFFICE_BUDGET_KB },
  'work queue': {
    routeModules: ['src/app/AntdFrame.tsx', 'src/app/shell/AppShell.tsx', 'src/work-queue/WorkQueuePage.tsx'],
    budgetKb: OFFICE_BUDGET_KB,
  },
  "leaders' dashboard": {
    routeModules: ['src/app/AntdFrame.tsx', 'src/app/shell/AppShell.tsx', 'src/dashboard/DashboardPage.tsx'],
    budgetKb: DASHBOARD_BUDGET_KB,
  },
  'status look-up': { routeModules: ['src/lookup/PublicLookupPage.tsx'], budgetKb: CITIZEN_BUDGET_KB },
  'result verification': { routeModules: ['src/verification/VerificationPage.tsx'], budgetKb: CITIZEN_BUDGET_KB },
  'queue number': { routeModules: ['src/ticket/TakeTicketPage.tsx'], budgetKb: CITIZEN_BUDGET_KB },
  'my dossiers': { routeModules: ['src/my-dossiers/MyDossiersPage.tsx'], budgetKb: CITIZEN_BUDGET_KB },
};

function closure(manifest: Manifest, keys: string[]): Set<string> {
  const seen = new Set<string>();
  const visit = (key: string) => {
    if (seen.has(key)) return;
    const chunk = manifest[key];
    if (!chunk) throw new Error(`the build manifest has no chunk for ${key}`);
    seen.add(key);
    chunk.imports?.forEach(visit);
  };
  keys.forEach(visit);
  return seen;
}

export interface ScreenWeight {
  screen: string;
  chunks: number;
  gzipBytes: number;
  budgetKb: number;
}

/** The gzip weight of the JavaScript each budgeted screen loads, from a finished build in `outDir`. */
export function screenWeights(outDir: string): ScreenWeight[] {
  const manifest = JSON.parse(readFileSync(join(outDir, '.vite', 'manifest.json'), 'utf8')) as Manifest;
  const entry = Object.keys(manifest).find((key) => manifest[key].isEntry);
  if (!entry) throw new Error('the build manifest has no entry');
  const gzipOf = (key: string) => gzipSync(readFileSync(join(outDir, manifest[key].file)), { level: 9 }).length;
  return Object.entries(BUDGETED_SCREENS).map(([screen, { routeModules, budgetKb }]) => {
    const chunks = closure(manifest, [entry, ...routeModules]);
    return { screen, chunks: chunks.size, gzipBytes: [...chunks].reduce((sum, key) => sum + gzipOf(key), 0), budgetKb };
  });
}
