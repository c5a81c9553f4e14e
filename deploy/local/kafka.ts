import { parseArgs } from 'node:util';
import { BrokerOptions, brokerStatus, resetBroker, resolveClasspath, startBroker, stopBroker } from './kafka-broker';

const USAGE = 'usage: tsx deploy/local/kafka.ts start|stop|status|reset|classpath [--name <instance>] [--port <port>]';

type Command = (options: BrokerOptions, label: string) => Promise<string>;

const COMMANDS: Record<string, Command> = {
  async start(options, label) {
    const broker = await startBroker(options);
    if (broker.alreadyRunning) return `${label}: already running at ${broker.brokers} (pid ${broker.pid})`;
    return `${label}: ready at ${broker.brokers} in ${(broker.startedMs / 1000).toFixed(1)} s (pid ${broker.pid})`;
  },
  async stop(options, label) {
    const { pid } = await brokerStatus(options);
    await stopBroker(options);
    return pid === null ? `${label}: not running` : `${label}: stopped (pid ${pid})`;
  },
  async status(options, label) {
    const { brokers, pid, running } = await brokerStatus(options);
    if (running) return `${label}: running at ${brokers} (pid ${pid})`;
    return pid === null ? `${label}: not running` : `${label}: process ${pid} is alive but not answering at ${brokers}`;
  },
  async reset(options, label) {
    await resetBroker(options);
    return `${label}: stopped and its data deleted`;
  },
  classpath: () => resolveClasspath(),
};

/** `tsx deploy/local/kafka.ts start`: one line of outcome, or one line of why not. */
async function main(): Promise<void> {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: { name: { type: 'string' }, port: { type: 'string' } },
  });
  const [command = ''] = positionals;
  if (positionals.length !== 1 || !Object.hasOwn(COMMANDS, command)) throw new Error(USAGE);
  const options: BrokerOptions = {
    name: values.name,
    port: values.port === undefined ? undefined : portNumber(values.port),
  };
  const label = values.name === undefined ? 'kafka' : `kafka '${values.name}'`;
  console.log(await COMMANDS[command](options, label));
}

function portNumber(text: string): number {
  if (!/^\d+$/.test(text)) throw new Error(`--port takes a number, not '${text}'`);
  return Number(text);
}

main().catch((error: unknown) => {
  process.stderr.write(`kafka: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
