import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(__dirname, '../..');

interface Refusal {
  line: number;
  message: string;
}

/** The module-boundary refusals of code linted as if it were the given file, through the workspace's own ESLint setup. */
async function refusals(filePath: string, code: string): Promise<Refusal[]> {
  const eslint = spawnSync(
    join(root, 'node_modules/.bin/eslint'),
    ['--stdin', '--stdin-filename', filePath, '--format', 'json'],
    {
      cwd: root,
      input: code,
      encoding: 'utf8',
    },
  );
  const [result] = JSON.parse(eslint.stdout) as { messages: (Refusal & { ruleId: string })[] }[];
  return result.messages
    .filter((m) => m.ruleId === '@nx/enforce-module-boundaries')
    .map(({ line, message }) => ({ line, message }));
}

async function lint(filePath: string, code: string): Promise<string[]> {
  return (await refusals(filePath, code)).map((r) => r.message);
}

/** The aliases of the services' surfaces (their index.ts, and testing.ts for their fixtures). */
function serviceAliases(): string[] {
  const { compilerOptions } = JSON.parse(readFileSync(join(root, 'tsconfig.base.json'), 'utf8')) as {
    compilerOptions: { paths: Record<string, string[]> };
  };
  return Object.entries(compilerOptions.paths)
    .filter(([, [path]]) => path.startsWith('apps/'))
    .map(([alias]) => alias);
}

/** The architecture's import rules are enforced by lint, not just written down. */
describe('module boundaries', () => {
  beforeAll(() => {
    // The rule reads Nx's project graph and silently does nothing without it.
    execFileSync(join(root, 'node_modules/.bin/nx'), ['show', 'projects'], { cwd: root, stdio: 'ignore' });
  }, 60_000);

  it('forbids an app importing another app', async () => {
    const messages = await lint(
      'apps/intake/src/probe.ts',
      "import { routingService } from '../../routing/src/service';\nexport const x = routingService;\n",
    );
    expect(messages).toHaveLength(1);
  }, 30_000);

  it('forbids contracts importing any of our libraries', async () => {
    const messages = await lint(
      'libs/contracts/src/probe.ts',
      "import { OutboxWriter } from '@onestop/messaging';\nexport const x = OutboxWriter;\n",
    );
    expect(messages.join()).toMatch(/contracts/);
  }, 30_000);

  it('forbids production code of an app using the testing library', async () => {
    const messages = await lint(
      'apps/intake/src/probe.ts',
      "import { waitFor } from '@onestop/testing';\nexport const x = waitFor;\n",
    );
    expect(messages.join()).toMatch(/type:app/);
  }, 30_000);

  it('allows an app to use the shared libraries', async () => {
    const messages = await lint(
      'apps/intake/src/probe.ts',
      "import { TOPICS } from '@onestop/contracts';\nimport { OutboxWriter } from '@onestop/messaging';\nexport const x = [TOPICS, OutboxWriter];\n",
    );
    expect(messages).toEqual([]);
  }, 30_000);

  it('forbids a tool reaching into a service by a relative path', async () => {
    const messages = await lint(
      'tools/stack/probe.ts',
      "import { intakeSchema } from '../../apps/intake/src/database/schema';\nexport const x = intakeSchema;\n",
    );
    expect(messages).toEqual([expect.stringMatching(/relative or absolute path/)]);
  }, 30_000);

  it('allows a tool to import every service through the alias of its surface', async () => {
    const aliases = serviceAliases();
    expect(aliases).toEqual(expect.arrayContaining(['@onestop/intake', '@onestop/notification/testing']));
    const code = [...aliases.map((alias) => `import '${alias}';`), "import '../../apps/intake/src/intake.env';"].join(
      '\n',
    );
    // The deep import on the last line shows the rule judges this file; it must be the only refusal.
    expect((await refusals('tools/stack/probe.ts', code)).map((r) => r.line)).toEqual([aliases.length + 1]);
  }, 30_000);

  it('forbids an app importing a tool', async () => {
    const messages = await lint(
      'apps/intake/src/probe.ts',
      "import { SERVICES } from '../../../tools/stack/services';\nexport const x = SERVICES;\n",
    );
    // Refused as a file of another project, not merely as an outside resource: the tools are a project of the workspace.
    expect(messages).toEqual([expect.stringMatching(/Projects cannot be imported/)]);
  }, 30_000);
});
