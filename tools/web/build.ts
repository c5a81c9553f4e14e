import { viteBuild, WEB_BUILD } from '../stack/web-application';
import { screenWeights } from './bundle-budget';

/**
 * `npm run web:build`: builds the web application with Vite and checks the JavaScript budget per
 * screen (the sign-in page and the work queue each ≤ 350 KB gzip, the citizens' pages each ≤ 200 KB).
 * Resolves with 0 when every one holds.
 */
export async function buildWeb(): Promise<number> {
  const built = await viteBuild();
  if (built !== 0) return built;
  let over = 0;
  for (const weight of screenWeights(WEB_BUILD)) {
    const kb = weight.gzipBytes / 1000;
    const verdict = kb <= weight.budgetKb ? 'within' : 'OVER';
    if (kb > weight.budgetKb) over += 1;
    console.log(
      `web: ${weight.screen}: ${kb.toFixed(1)} KB of JavaScript (gzip) in ${weight.chunks} chunks, ${verdict} the ${weight.budgetKb} KB budget`,
    );
  }
  return over === 0 ? 0 : 1;
}

if (require.main === module) void buildWeb().then((code) => process.exit(code));
