import 'reflect-metadata';
import {
  brokerStatus,
  keycloakStatus,
  startBroker,
  startKeycloak,
  stopBroker,
  stopKeycloak,
  TEST_BROKER,
  TEST_KEYCLOAK,
  usesExternalKafka,
} from '@onestop/local-stack';
import { postgresServerUrl, testRedisUrl } from '@onestop/testing';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { failAndExit } from './stack/cli';
import { bin, ROOT, run } from './stack/run';
import { checkServers } from './stack/servers';
import { ensureSystemTools } from './stack/system-tools';
import { buildWeb } from './web/build';

/** The files Prettier formats: code, settings and styles (prose and manifests keep their own layout). */
const FORMATTED_FILES = '**/*.{ts,tsx,js,mjs,cjs,json,css}';
const RESULTS = join(ROOT, 'reports', 'jest-results.json');

interface JestResults {
  numPassedTests: number;
  numFailedTests: number;
  numRuntimeErrorTestSuites: number;
}

/**
 * `npm test`: checks PostgreSQL and Redis, installs the checkers the tests run (pdfsig, certutil, kubectl), starts the tests' own Kafka broker and Keycloak, type-checks, lints (ESLint, and Prettier for formatting),
 * runs every jest tier, stops what it started, and ends with `tests: N passed, M failed`.
 * Extra arguments go to jest (e.g. `npm test -- --selectProjects unit`).
 */
async function main(): Promise<void> {
  await checkServers(postgresServerUrl(), testRedisUrl());
  ensureSystemTools();
  const broker = TEST_BROKER;
  const startedHere = !usesExternalKafka() && !(await brokerStatus(broker)).running;
  const keycloakStartedHere = !(await keycloakStatus(TEST_KEYCLOAK)).running;
  // Side by side: Keycloak's first start (download, unpacking, its build) is the longer of the two.
  const [started, keycloak] = await Promise.all([
    usesExternalKafka() ? null : startBroker(broker),
    startKeycloak(TEST_KEYCLOAK),
  ]);
  if (started)
    console.log(`test: kafka ready at ${started.brokers}${started.alreadyRunning ? ' (already running)' : ''}`);
  console.log(
    `test: keycloak ready at ${keycloak.url}${keycloak.alreadyRunning ? ' (already running)' : ` in ${(keycloak.startedMs / 1000).toFixed(1)} s`}`,
  );
  let failedSteps = 0;
  try {
    failedSteps += (await run(bin('tsc'), ['-p', 'tsconfig.json'])) === 0 ? 0 : 1;
    failedSteps += (await run(bin('tsc'), ['-p', 'apps/web/tsconfig.json'])) === 0 ? 0 : 1;
    // The browser tests run the built application; the build also checks the JavaScript budget per screen.
    failedSteps += (await buildWeb()) === 0 ? 0 : 1;
    // The module-boundary rule needs the Nx project graph; without it the rule is skipped silently.
    failedSteps += (await run(bin('nx'), ['show', 'projects'], { quiet: true })) === 0 ? 0 : 1;
    failedSteps += (await run(bin('eslint'), ['.', '--max-warnings=0'])) === 0 ? 0 : 1;
    failedSteps += (await run(bin('prettier'), ['--check', '--log-level=warn', FORMATTED_FILES])) === 0 ? 0 : 1;
    mkdirSync(join(ROOT, 'reports'), { recursive: true });
    rmSync(RESULTS, { force: true }); // a stale file must never stand in for this run
    failedSteps +=
      (await run(bin('jest'), ['--json', `--outputFile=${RESULTS}`, ...process.argv.slice(2)])) === 0 ? 0 : 1;
  } finally {
    if (startedHere && !process.env['KEEP_KAFKA']) await stopBroker(broker);
    if (keycloakStartedHere && !process.env['KEEP_KEYCLOAK']) await stopKeycloak(TEST_KEYCLOAK);
  }
  const results = existsSync(RESULTS) ? (JSON.parse(readFileSync(RESULTS, 'utf8')) as JestResults) : null;
  const failed = results ? results.numFailedTests + results.numRuntimeErrorTestSuites : 1;
  if (failedSteps > 0) console.log(`test: ${failedSteps} step(s) failed (type-check, lint or jest), see above`);
  console.log(`tests: ${results?.numPassedTests ?? 0} passed, ${failed} failed`);
  process.exit(failed > 0 || failedSteps > 0 ? 1 : 0);
}

main().catch(failAndExit('test'));
