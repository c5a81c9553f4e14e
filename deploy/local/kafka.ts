import { parseArgs } from 'node:util';
import { brokerStatus, resetBroker, resolveClasspath, startBroker, stopBroker } from './kafka-broker';

const USAGE = 'usage: npm run kafka -- start|stop|status|reset|classpath [--name <instance>] [--port <port>]';

/** Command line over the local broker: `npm run kafka -- start`. */
async function main(): Promise<void> {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: { name: { type: 'string' }, port: { type: 'string' } },
  });
  const options = { name: values.name, port: values.port ? Number(values.port) : undefined };
  const label = `kafka${options.name ? ` '${options.name}'` : ''}`;
  switch (positionals[0]) {
    case 'start': {
      const broker = await startBroker(options);
      const how = broker.alreadyRunning ? 'already running' : `ready in ${(broker.startedMs / 1000).toFixed(1)} s`;
      return console.log(`${label}: ${how} at ${broker.brokers} (pid ${broker.pid})`);
    }
    case 'stop':
      await stopBroker(options);
      return console.log(`${label}: stopped`);
    case 'status': {
      const status = await brokerStatus(options);
      return console.log(`${label}: ${status.running ? `running at ${status.brokers} (pid ${status.pid})` : 'not running'}`);
    }
    case 'reset':
      await resetBroker(options);
      return console.log(`${label}: stopped and its data deleted`);
    case 'classpath':
      return console.log(await resolveClasspath());
    default:
      throw new Error(USAGE);
  }
}

main().catch((error: Error) => {
  process.stderr.write(`kafka: ${error.message}\n`);
  process.exit(1);
});
