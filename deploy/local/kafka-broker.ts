import { execFileSync, spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';
import { Kafka, logLevel } from 'kafkajs';

/**
 * A single-node Apache Kafka broker in KRaft mode for the local stack and the tests, run from the
 * jars Maven resolves from Maven Central (deploy/local/kafka/pom.xml). Each named instance keeps
 * its data under .data/kafka/<name>, so the tests' broker and the local stack's live side by side.
 */
export interface BrokerOptions {
  name?: string;
  port?: number;
  /** Defaults to port + 1. */
  controllerPort?: number;
  heapMb?: number;
  readyTimeoutMs?: number;
}

export interface BrokerHandle {
  brokers: string;
  pid: number;
  startedMs: number;
  alreadyRunning: boolean;
}

export interface BrokerStatus {
  running: boolean;
  pid: number | null;
  brokers: string;
}

const ROOT = join(__dirname, '..', '..');
const KAFKA_DIR = join(__dirname, 'kafka');
const DATA_ROOT = join(ROOT, '.data', 'kafka');

/** The ports an instance was started with, so `stop --name test` finds it without `--port`. */
function rememberedPort(dataDir: string): number | undefined {
  const file = join(dataDir, 'instance.json');
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as { port: number }).port : undefined;
}

function resolved(options: BrokerOptions) {
  const name = options.name ?? 'default';
  const dataDir = join(DATA_ROOT, name);
  const port = options.port ?? rememberedPort(dataDir) ?? 9092;
  return {
    name,
    port,
    controllerPort: options.controllerPort ?? port + 1,
    heapMb: options.heapMb ?? 512,
    readyTimeoutMs: options.readyTimeoutMs ?? 60_000,
    dataDir,
    pidFile: join(dataDir, 'broker.pid'),
    propertiesFile: join(dataDir, 'server.properties'),
    brokers: `127.0.0.1:${port}`,
  };
}

function requireTool(command: string, args: string[]): void {
  try {
    execFileSync(command, args, { stdio: 'ignore' });
  } catch {
    throw new Error(`${command} is not installed; install it with: apt-get install -y openjdk-17-jre-headless maven`);
  }
}

/** The broker's classpath, resolved once per pom version and cached while its jars exist. */
export async function resolveClasspath(): Promise<string> {
  const pom = readFileSync(join(KAFKA_DIR, 'pom.xml'));
  const cache = join(DATA_ROOT, `classpath-${createHash('sha256').update(pom).digest('hex').slice(0, 12)}.txt`);
  if (existsSync(cache)) {
    const classpath = readFileSync(cache, 'utf8').trim();
    if (classpath && classpath.split(':').every((jar) => existsSync(jar))) return classpath;
  }
  requireTool('mvn', ['--version']);
  mkdirSync(DATA_ROOT, { recursive: true });
  execFileSync('mvn', ['-q', '-B', '-Dstyle.color=never', '-f', join(KAFKA_DIR, 'pom.xml'), 'dependency:build-classpath', `-Dmdep.outputFile=${cache}`], {
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  return readFileSync(cache, 'utf8').trim();
}

function serverProperties(o: ReturnType<typeof resolved>): string {
  return [
    'process.roles=broker,controller',
    'node.id=1',
    `controller.quorum.voters=1@127.0.0.1:${o.controllerPort}`,
    `listeners=PLAINTEXT://127.0.0.1:${o.port},CONTROLLER://127.0.0.1:${o.controllerPort}`,
    `advertised.listeners=PLAINTEXT://127.0.0.1:${o.port}`,
    'controller.listener.names=CONTROLLER',
    'inter.broker.listener.name=PLAINTEXT',
    'listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT',
    `log.dirs=${join(o.dataDir, 'log')}`,
    // Topics are created by the platform with explicit settings, never by a stray client.
    'auto.create.topics.enable=false',
    'num.partitions=6',
    'offsets.topic.replication.factor=1',
    'offsets.topic.num.partitions=10',
    'transaction.state.log.replication.factor=1',
    'transaction.state.log.min.isr=1',
    'min.insync.replicas=1',
    // A single local broker has nobody to wait for: let consumer groups form at once.
    'group.initial.rebalance.delay.ms=0',
    'num.network.threads=2',
    'num.io.threads=4',
    'log.retention.hours=-1',
    'log.segment.bytes=67108864',
    '',
  ].join('\n');
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function readPid(pidFile: string): number | null {
  if (!existsSync(pidFile)) return null;
  const pid = Number(readFileSync(pidFile, 'utf8').trim());
  return Number.isInteger(pid) && pid > 0 && isAlive(pid) ? pid : null;
}

function portTaken(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => socket.destroy() && resolve(true));
    socket.once('error', () => resolve(false));
  });
}

/** True once the broker answers a metadata request as a client would send it. */
async function answers(brokers: string): Promise<boolean> {
  const admin = new Kafka({ brokers: [brokers], logLevel: logLevel.NOTHING, connectionTimeout: 1_000, retry: { retries: 0 } }).admin();
  try {
    await admin.connect();
    await admin.describeCluster();
    return true;
  } catch {
    return false;
  } finally {
    await admin.disconnect().catch(() => undefined);
  }
}

function tail(file: string, lines = 20): string {
  return existsSync(file) ? readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n') : '(no log)';
}

export async function brokerStatus(options: BrokerOptions = {}): Promise<BrokerStatus> {
  const o = resolved(options);
  const pid = readPid(o.pidFile);
  return { running: pid !== null && (await answers(o.brokers)), pid, brokers: o.brokers };
}

export async function startBroker(options: BrokerOptions = {}): Promise<BrokerHandle> {
  const o = resolved(options);
  const began = Date.now();
  const existing = readPid(o.pidFile);
  if (existing !== null && (await answers(o.brokers))) {
    return { brokers: o.brokers, pid: existing, startedMs: 0, alreadyRunning: true };
  }
  if (existing === null && ((await portTaken(o.port)) || (await portTaken(o.controllerPort)))) {
    throw new Error(`port ${o.port} or ${o.controllerPort} is taken by another process; choose another --port or stop it`);
  }
  requireTool('java', ['-version']);
  const classpath = await resolveClasspath();
  mkdirSync(o.dataDir, { recursive: true });
  writeFileSync(o.propertiesFile, serverProperties(o));
  writeFileSync(join(o.dataDir, 'instance.json'), JSON.stringify({ port: o.port, controllerPort: o.controllerPort }));
  const java = (main: string, args: string[]) => [
    `-Dlog4j.configuration=file:${join(KAFKA_DIR, 'log4j.properties')}`,
    `-Dkafka.logs.dir=${o.dataDir}`,
    '-cp',
    classpath,
    main,
    ...args,
  ];
  if (!existsSync(join(o.dataDir, 'log', 'meta.properties'))) {
    const clusterId = randomBytes(16).toString('base64url');
    execFileSync('java', ['-Xmx256m', ...java('kafka.tools.StorageTool', ['format', '-t', clusterId, '-c', o.propertiesFile])], {
      stdio: 'ignore',
    });
  }
  if (existing === null) {
    const output = openSync(join(o.dataDir, 'broker.out'), 'a');
    const child = spawn('java', [`-Xms${Math.min(256, o.heapMb)}m`, `-Xmx${o.heapMb}m`, '-XX:+UseG1GC', ...java('kafka.Kafka', [o.propertiesFile])], {
      detached: true,
      stdio: ['ignore', output, output],
    });
    child.unref();
    writeFileSync(o.pidFile, String(child.pid));
  }
  const pid = readPid(o.pidFile);
  while (Date.now() - began < o.readyTimeoutMs) {
    if (pid === null || !isAlive(pid)) break;
    if (await answers(o.brokers)) return { brokers: o.brokers, pid, startedMs: Date.now() - began, alreadyRunning: false };
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`kafka '${o.name}' did not become ready at ${o.brokers}; last lines of its log:\n${tail(join(o.dataDir, 'server.log'))}\n${tail(join(o.dataDir, 'broker.out'), 5)}`);
}

/** Controlled shutdown (SIGTERM), then SIGKILL after 30 s. */
export async function stopBroker(options: BrokerOptions = {}): Promise<void> {
  const o = resolved(options);
  const pid = readPid(o.pidFile);
  if (pid !== null) {
    process.kill(pid, 'SIGTERM');
    const deadline = Date.now() + 30_000;
    while (isAlive(pid) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
    if (isAlive(pid)) process.kill(pid, 'SIGKILL');
  }
  rmSync(o.pidFile, { force: true });
}

/** Stops the instance and deletes its data: the next start formats a new cluster. */
export async function resetBroker(options: BrokerOptions = {}): Promise<void> {
  await stopBroker(options);
  rmSync(resolved(options).dataDir, { recursive: true, force: true });
}
