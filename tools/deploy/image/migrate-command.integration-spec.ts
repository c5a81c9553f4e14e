import { postgresServerUrl } from '@onestop/testing';
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createConnection, createServer, Server } from 'node:net';
import { join } from 'node:path';
import { Client } from 'pg';

const ROOT = join(__dirname, '../../..');

/** `node migrate.js` of the reporting image, run from its source as the image runs it; `onOutput` sees its output as it comes. */
function migrate(
  databaseUrl: string,
  args: string[],
  onOutput: (output: string) => void = () => undefined,
): Promise<{ code: number | null; output: string; seconds: number }> {
  const began = Date.now();
  const child = spawn(
    process.execPath,
    ['-r', './tools/ts-register.js', 'tools/deploy/image/migrate-reporting.ts', ...args],
    {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: databaseUrl },
    },
  );
  let output = '';
  const take = (chunk: Buffer) => onOutput((output += chunk));
  child.stdout.on('data', take);
  child.stderr.on('data', take);
  return new Promise((resolve) =>
    child.on('exit', (code) => resolve({ code, output, seconds: (Date.now() - began) / 1000 })),
  );
}

/** A port that forwards to PostgreSQL once `open` is called: a database cluster that comes up late. */
function lateDatabase(): Promise<{ port: number; open: () => void; close: () => Promise<void> }> {
  const upstream = new URL(postgresServerUrl());
  let server: Server | null = null;
  const placeholder = createServer();
  return new Promise((resolve) =>
    placeholder.listen(0, '127.0.0.1', () => {
      const { port } = placeholder.address() as { port: number };
      // Nothing listens until `open`: connections are refused, as before the cluster exists.
      placeholder.close(() =>
        resolve({
          port,
          open: () => {
            server = createServer((socket) =>
              socket.pipe(createConnection(Number(upstream.port || 5432), upstream.hostname)).pipe(socket),
            ).listen(port, '127.0.0.1');
          },
          close: () => new Promise((done) => (server ? server.close(() => done()) : done())),
        }),
      );
    }),
  );
}

describe('the image migration command (node migrate.js)', () => {
  jest.setTimeout(60_000);
  const database = `onestop_test_migrate_${randomBytes(4).toString('hex')}`;

  afterAll(async () => {
    const admin = new Client({ connectionString: postgresServerUrl() });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
    await admin.end();
  });

  it('waits for a database that is not reachable yet, then migrates it', async () => {
    const late = await lateDatabase();
    try {
      // The database comes up once the command has found it missing and said it will try again.
      let opened = false;
      const run = await migrate(
        `postgres://postgres@127.0.0.1:${late.port}/${database}`,
        ['--timeout-seconds', '30'],
        (output) => {
          if (!opened && output.includes('the database is not reachable yet')) {
            opened = true;
            late.open();
          }
        },
      );
      expect(opened).toBe(true);
      expect(run.output).toMatch(/migrate: reporting \(.*created\): applied /);
      expect(run.code).toBe(0);
    } finally {
      await late.close();
    }
  });

  it('gives up when the database stays unreachable past the timeout, naming the cause', async () => {
    const late = await lateDatabase();
    const run = await migrate(`postgres://postgres@127.0.0.1:${late.port}/${database}`, ['--timeout-seconds', '3']);
    expect(run.code).not.toBe(0);
    expect(run.output).toContain('ECONNREFUSED');
    expect(run.output).toContain('the database is not reachable yet');
    expect(run.seconds).toBeLessThan(30);
  });
});
