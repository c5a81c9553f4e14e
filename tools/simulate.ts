import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { onlineDossierShare, onTimeOrWithinDeadlineShare, signedElectronicResultShare } from '@onestop/reporting';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { failAndExit, UsageError } from './stack/cli';
import { databaseUrlOf } from './stack/migrations';
import { ROOT } from './stack/run';
import { simulateProvince } from './simulate/simulation';

const USAGE = `usage: npm run simulate [-- --dossiers 17700 --communes 40 --from 2026-11-02 --days 14 --seed 1 --concurrency 12 --into-platform]`;

/** Procedures of the communes with a deadline of some days: the ones a late result can happen to. */
const PROCEDURES = [
  'HKD-DANGKY',
  'CT-XACNHAN-CUTRU',
  'HT-XACNHAN-TTHN',
  'HT-NHANCHAMECON',
  'HT-THAYDOI-CAICHINH',
  'HT-DANGKYLAI-KHAISINH',
  'CTH-HOPDONG-NHADAT',
  'XD-GPXD-NHARIENGLE',
];

/**
 * `npm run simulate`: a province's weeks played through the real services on the shared simulated
 * clock (Huế by default: 40 communes and wards, 17,700 dossiers in two weeks, 76 % online), then
 * every unit's indicators in the reporting API compared with the ground truth the run generated.
 * Exits 1 when any indicator differs. The ground truth and the comparison go to reports/.
 */
async function main(): Promise<void> {
  Logger.overrideLogger(['error']);
  const { values } = parseArgs({
    options: {
      dossiers: { type: 'string', default: '17700' },
      communes: { type: 'string', default: '40' },
      from: { type: 'string', default: '2026-11-02' },
      days: { type: 'string', default: '14' },
      seed: { type: 'string', default: '1' },
      concurrency: { type: 'string', default: '12' },
      // The period stays in the read model of the platform `npm run up` runs, for its dashboard.
      'into-platform': { type: 'boolean', default: false },
    },
  });
  const number = (name: keyof typeof values) => {
    const value = Number(values[name]);
    if (!Number.isInteger(value) || value < 1)
      throw new UsageError(`--${name} must be a whole number of at least 1\n${USAGE}`);
    return value;
  };
  if (!/^\d{4}-\d{2}-\d{2}$/.test(values.from!))
    throw new UsageError(`--from must be a date, e.g. 2026-11-02\n${USAGE}`);
  const report = await simulateProvince({
    provinceCode: '46',
    communes: number('communes'),
    dossiers: number('dossiers'),
    from: values.from!,
    days: number('days'),
    seed: number('seed'),
    concurrency: number('concurrency'),
    procedures: PROCEDURES,
    onlineShare: 0.76,
    refusedShare: 0.03,
    crossCommuneShare: 0.12,
    supplementShare: 0.08,
    lateShare: 0.06,
    electronicReturnShare: 0.6,
    readModelUrl: values['into-platform'] ? databaseUrlOf('reporting') : undefined,
    log: (line) => console.log(line),
  });
  mkdirSync(join(ROOT, 'reports'), { recursive: true });
  const file = join(ROOT, 'reports', `simulation-${report.period.from}-${report.dossiers}.json`);
  writeFileSync(file, JSON.stringify(report, null, 2));
  const t = report.truth;
  const share = (r: { numerator: number; denominator: number; value: number | null }) =>
    `${r.numerator}/${r.denominator} (${((r.value ?? 0) * 100).toFixed(1)} %)`;
  console.log(`
simulate: ${report.dossiers} dossiers, ${report.communes} communes, ${report.period.from} to ${report.period.to}
  received ${t.received} (online ${share(onlineDossierShare(t))}), refused at the desk ${t.refused}
  resolved ${t.resolved}: on time or within the deadline ${share(onTimeOrWithinDeadlineShare(t))}; signed electronic results ${share(signedElectronicResultShare(t))}
  still open at the end: ${t.openWithinDeadline} within the deadline, ${t.openOverdue} overdue; results handed over ${t.returned}
  ${report.unitsCompared} rows compared (each commune and the province): ${report.mismatches.length === 0 ? 'every count, indicator and 766 point matches the ground truth' : `${report.mismatches.length} differ`}
  set-up ${report.seconds.setUp.toFixed(0)} s, played in ${report.seconds.play.toFixed(0)} s, compared in ${report.seconds.compare.toFixed(0)} s; details in ${file}`);
  if (report.mismatches.length > 0) {
    for (const mismatch of report.mismatches.slice(0, 5)) console.log(JSON.stringify(mismatch));
    process.exit(1);
  }
}

main().then(() => process.exit(0), failAndExit('simulate'));
