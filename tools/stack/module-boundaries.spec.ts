import { execFileSync, spawnSync } from 'node:child_process';
import { join } from 'node:path';

const root = join(__dirname, '../..');

/** Lints code as if it were the given file, through the workspace's own ESLint setup. */
async function lint(filePath: string, code: string): Promise<string[]> {
  const eslint = spawnSync(join(root, 'node_modules/.bin/eslint'), ['--stdin', '--stdin-filename', filePath, '--format', 'json'], {
    cwd: root,
    input: code,
    encoding: 'utf8',
  });
  const [result] = JSON.parse(eslint.stdout) as { messages: { ruleId: string; message: string }[] }[];
  return result.messages.filter((m) => m.ruleId === '@nx/enforce-module-boundaries').map((m) => m.message);
}

/** The architecture's import rules are enforced by lint, not just written down. */
describe('module boundaries', () => {
  beforeAll(() => {
    // The rule reads Nx's project graph and silently does nothing without it.
    execFileSync(join(root, 'node_modules/.bin/nx'), ['show', 'projects'], { cwd: root, stdio: 'ignore' });
  }, 60_000);

  it('forbids an app importing another app', async () => {
    const messages = await lint('apps/intake/src/probe.ts', "import { routingService } from '../../routing/src/service';\nexport const x = routingService;\n");
    expect(messages).toHaveLength(1);
  }, 30_000);

  it('forbids contracts importing any of our libraries', async () => {
    const messages = await lint('libs/contracts/src/probe.ts', "import { OutboxWriter } from '@onestop/messaging';\nexport const x = OutboxWriter;\n");
    expect(messages.join()).toMatch(/contracts/);
  }, 30_000);

  it('forbids production code of an app using the testing library', async () => {
    const messages = await lint('apps/intake/src/probe.ts', "import { waitFor } from '@onestop/testing';\nexport const x = waitFor;\n");
    expect(messages.join()).toMatch(/type:app/);
  }, 30_000);

  it('allows an app to use the shared libraries', async () => {
    const messages = await lint('apps/intake/src/probe.ts', "import { TOPICS } from '@onestop/contracts';\nimport { OutboxWriter } from '@onestop/messaging';\nexport const x = [TOPICS, OutboxWriter];\n");
    expect(messages).toEqual([]);
  }, 30_000);
});
