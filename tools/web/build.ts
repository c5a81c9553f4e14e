import { viteBuild, WEB_BUILD } from '../stack/web-application';
import { BUDGET_KB, screenWeights } from './bundle-budget';

/**
 * `npm run web:build`: builds the web application with Vite and checks the JavaScript budget per
 * screen (the sign-in page and the work queue each ≤ 350 KB gzip). Resolves with 0 when both hold.
 */
export async function buildWeb(): Promise<number> {
  const built = await viteBuild();
  if (built !== 0) return built;
  let over = 0;
  for (const weight of screenWeights(WEB_BUILD)) {
    const kb = weight.gzipBytes / 1000;
    const verdict = kb <= BUDGET_KB ? 'within' : 'OVER';
    if (kb > BUDGET_KB) over += 1;
    console.log(`web: ${weight.screen}: ${kb.toFixed(1)} KB of JavaScript (gzip) in ${weight.chunks} chunks, ${verdict} the ${BUDGET_KB} KB budget`);
  }
  return over === 0 ? 0 : 1;
}

if (require.main === module) void buildWeb().then((code) => process.exit(code));
