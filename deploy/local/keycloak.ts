import { parseArgs } from 'node:util';
import { KeycloakOptions, keycloakStatus, resetKeycloak, startKeycloak, stopKeycloak } from './keycloak-server';

const USAGE = 'usage: tsx deploy/local/keycloak.ts start|stop|status|reset [--name <instance>] [--port <port>]';

type Command = (options: KeycloakOptions, label: string) => Promise<string>;

const COMMANDS: Record<string, Command> = {
  async start(options, label) {
    const keycloak = await startKeycloak(options);
    if (keycloak.alreadyRunning)
      return `${label}: already running at ${keycloak.url}, realm ${keycloak.issuer} (pid ${keycloak.pid})`;
    return `${label}: ready at ${keycloak.url} in ${(keycloak.startedMs / 1000).toFixed(1)} s, realm ${keycloak.issuer} (pid ${keycloak.pid})`;
  },
  async stop(options, label) {
    const { pid } = await keycloakStatus(options);
    await stopKeycloak(options);
    return pid === null ? `${label}: not running` : `${label}: stopped (pid ${pid})`;
  },
  async status(options, label) {
    const { url, issuer, pid, running } = await keycloakStatus(options);
    if (running) return `${label}: running at ${url}, realm ${issuer} (pid ${pid})`;
    return pid === null
      ? `${label}: not running`
      : `${label}: process ${pid} is alive but its realm does not answer at ${issuer}`;
  },
  async reset(options, label) {
    await resetKeycloak(options);
    return `${label}: stopped and its copy and database deleted`;
  },
};

/** `tsx deploy/local/keycloak.ts start`: one line of outcome, or one line of why not. */
async function main(): Promise<void> {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: { name: { type: 'string' }, port: { type: 'string' } },
  });
  const [command = ''] = positionals;
  if (positionals.length !== 1 || !Object.hasOwn(COMMANDS, command)) throw new Error(USAGE);
  const options: KeycloakOptions = {
    name: values.name,
    port: values.port === undefined ? undefined : portNumber(values.port),
  };
  const label = values.name === undefined ? 'keycloak' : `keycloak '${values.name}'`;
  console.log(await COMMANDS[command](options, label));
}

function portNumber(text: string): number {
  if (!/^\d+$/.test(text)) throw new Error(`--port takes a number, not '${text}'`);
  return Number(text);
}

main().catch((error: unknown) => {
  process.stderr.write(`keycloak: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
