import { spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { once } from 'node:events';
import {
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { connect } from 'node:net';
import { delimiter, join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { acceptsConnections, livePid, runs, stopProcess } from './background-process';

/**
 * A single-node Apache Kafka 3.9 broker in KRaft mode (broker and controller in one JVM) for the
 * local stack and the tests, run from the jars Maven resolves from Maven Central
 * (deploy/local/kafka/pom.xml). Each named instance keeps its data in .data/kafka/<name>/, so the
 * tests' broker and the local stack's run side by side. Node built-ins only: jest's global setup and
 * plain scripts load it, and it must not lean on the Kafka client whose broker it provides.
 */
export interface BrokerOptions {
  /** The instance, and its folder under .data/kafka/. Default 'default'. */
  name?: string;
  /** The client (PLAINTEXT) port. Default: the port the instance last ran on, else 9092. */
  port?: number;
  /** The KRaft controller port. Default port + 1. */
  controllerPort?: number;
  /** The JVM's maximum heap. Default 512. */
  heapMb?: number;
  /** How long startBroker waits for the started broker to answer (not counting a Maven download). Default 60 s. */
  readyTimeoutMs?: number;
  /** Authentication (and authorisation) as on the cluster; absent, the broker is PLAINTEXT for anybody. */
  security?: BrokerSecurity;
}

/**
 * A broker that only speaks to SCRAM-SHA-512 users: SASL_PLAINTEXT on the client port, and
 * SASL_SSL on `tls.port` when `tls` is given. The users are written when the storage is formatted,
 * so give them to a fresh instance (resetBroker first).
 */
export interface BrokerSecurity {
  /** User name to password. The broker talks to itself as the first one, which is a super user. */
  scramUsers: Record<string, string>;
  /** Kafka's StandardAuthorizer: a client may do only what an ACL allows it, the super users aside. */
  authorizer?: boolean;
  tls?: {
    port: number;
    /** PEM files: the broker's certificate (for 127.0.0.1) and its unencrypted PKCS#8 key. */
    certificateFile: string;
    keyFile: string;
  };
}

export interface StartedBroker {
  /** Bootstrap servers for clients, e.g. '127.0.0.1:9092'. */
  brokers: string;
  pid: number;
  /** How long this call took until the broker answered. */
  startedMs: number;
  /** The broker was already up: this call only found it. */
  alreadyRunning: boolean;
}

export interface BrokerStatus {
  name: string;
  brokers: string;
  /** The broker's process while it is alive, answering or still starting. */
  pid: number | null;
  /** Alive and answering Kafka requests. */
  running: boolean;
}

const KAFKA_CONFIG_DIR = join(__dirname, 'kafka');
const POM = join(KAFKA_CONFIG_DIR, 'pom.xml');
const LOG4J_CONFIG = join(KAFKA_CONFIG_DIR, 'log4j.properties');
const DATA_ROOT = join(__dirname, '..', '..', '.data', 'kafka');
const HOST = '127.0.0.1';
const TOOL_NAMES = { java: 'Java', mvn: 'Maven' } as const;
const INSTALL_HINT = 'install it with: apt-get install -y openjdk-17-jre-headless maven';

interface Instance {
  name: string;
  port: number;
  controllerPort: number;
  heapMb: number;
  readyTimeoutMs: number;
  brokers: string;
  dataDir: string;
  logDir: string;
  pidFile: string;
  propertiesFile: string;
  serverLog: string;
  consoleLog: string;
  security?: BrokerSecurity;
}

interface Ports {
  port: number;
  controllerPort: number;
}

function instanceOf(options: BrokerOptions): Instance {
  const name = options.name ?? 'default';
  // The name becomes a folder that resetBroker deletes: it must stay inside .data/kafka/.
  if (!/^[A-Za-z0-9_-][A-Za-z0-9_.-]*$/.test(name)) {
    throw new Error(`invalid broker name '${name}': use letters, digits, '-', '_' and '.'`);
  }
  const dataDir = join(DATA_ROOT, name);
  const remembered = options.port === undefined ? lastPorts(dataDir) : undefined;
  const port = checkedPort(options.port ?? remembered?.port ?? 9092);
  const controllerPort = checkedPort(options.controllerPort ?? remembered?.controllerPort ?? port + 1);
  if (port === controllerPort) throw new Error(`the client and controller ports must differ (both are ${port})`);
  return {
    name,
    port,
    controllerPort,
    heapMb: options.heapMb ?? 512,
    readyTimeoutMs: options.readyTimeoutMs ?? 60_000,
    brokers: `${HOST}:${port}`,
    dataDir,
    logDir: join(dataDir, 'log'),
    pidFile: join(dataDir, 'broker.pid'),
    propertiesFile: join(dataDir, 'server.properties'),
    serverLog: join(dataDir, 'server.log'),
    consoleLog: join(dataDir, 'broker.out'),
    security: options.security,
  };
}

function checkedPort(port: number): number {
  if (!Number.isInteger(port) || port < 1 || port > 65_535) throw new Error(`invalid port '${port}'`);
  return port;
}

/** The ports an instance last started on, so `stop --name test` needs no `--port`. */
function lastPorts(dataDir: string): Ports | undefined {
  const file = join(dataDir, 'instance.json');
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Ports) : undefined;
}

/** The broker's classpath: Maven resolves it once per pom content, later calls read the cache while its jars exist. */
export async function resolveClasspath(): Promise<string> {
  const pomHash = createHash('sha256').update(readFileSync(POM)).digest('hex').slice(0, 12);
  const cacheFile = join(DATA_ROOT, `classpath-${pomHash}.txt`);
  const cached = existsSync(cacheFile) ? readFileSync(cacheFile, 'utf8').trim() : '';
  if (cached && cached.split(delimiter).every((jar) => existsSync(jar))) return cached;

  mkdirSync(DATA_ROOT, { recursive: true });
  // Maven writes aside and the file is renamed, so a concurrent caller never reads half of it.
  const partialFile = `${cacheFile}.${process.pid}.partial`;
  try {
    const maven = await runTool('mvn', [
      '-q',
      '-B',
      '-f',
      POM,
      'dependency:build-classpath',
      `-Dmdep.outputFile=${partialFile}`,
    ]);
    if (maven.exitCode !== 0) throw new Error(`Maven could not resolve the Kafka jars: ${mavenFailure(maven.output)}`);
    renameSync(partialFile, cacheFile);
  } finally {
    rmSync(partialFile, { force: true });
  }
  return readFileSync(cacheFile, 'utf8').trim();
}

/** Maven's first [ERROR] line says what failed; the ones after it are advice about -e and -X. */
function mavenFailure(output: string): string {
  const error = output.split('\n').find((line) => line.includes('[ERROR]'));
  return error ? error.slice(error.indexOf('[ERROR]') + '[ERROR]'.length).trim() : lastLines(output, 20);
}

/** Starts the instance detached (it outlives the caller) and resolves once it answers Kafka requests. */
export async function startBroker(options: BrokerOptions = {}): Promise<StartedBroker> {
  const began = Date.now();
  const instance = instanceOf(options);
  const runningPid = livePid(instance.pidFile, (pid) => isBrokerProcess(pid, instance));
  if (runningPid !== null) {
    assertRunsOnRequestedPort(instance);
    // It may have been started a moment ago by another process and still be starting.
    await waitUntilServing(instance, runningPid, logEnds(instance));
    return { brokers: instance.brokers, pid: runningPid, startedMs: Date.now() - began, alreadyRunning: true };
  }

  await assertPortsFree(instance);
  const classpath = await resolveClasspath();
  writeConfiguration(instance);
  await formatStorageOnce(instance, classpath);
  const logBeforeStart = logEnds(instance);
  const pid = await spawnBroker(instance, classpath);
  try {
    await waitUntilServing(instance, pid, logBeforeStart);
  } catch (error) {
    await stopProcess(pid, (candidate) => isBrokerProcess(candidate, instance));
    throw error;
  }
  return { brokers: instance.brokers, pid, startedMs: Date.now() - began, alreadyRunning: false };
}

/** Controlled shutdown (SIGTERM), SIGKILL after 30 s; does nothing when the instance is not running. */
export async function stopBroker(options: BrokerOptions = {}): Promise<void> {
  const instance = instanceOf(options);
  const pid = livePid(instance.pidFile, (pid) => isBrokerProcess(pid, instance));
  if (pid !== null) await stopProcess(pid, (candidate) => isBrokerProcess(candidate, instance));
  rmSync(instance.pidFile, { force: true });
}

/** Whether the instance runs and answers; a pid without `running` is a broker still starting or stuck. */
export async function brokerStatus(options: BrokerOptions = {}): Promise<BrokerStatus> {
  const instance = instanceOf(options);
  const pid = livePid(instance.pidFile, (pid) => isBrokerProcess(pid, instance));
  const running = pid !== null && (await answersKafka(instance.port));
  return { name: instance.name, brokers: instance.brokers, pid, running };
}

/** Stops the instance and deletes its data: the next start formats a new, empty cluster. */
export async function resetBroker(options: BrokerOptions = {}): Promise<void> {
  const { dataDir } = instanceOf(options);
  await stopBroker(options);
  rmSync(dataDir, { recursive: true, force: true });
}

function assertRunsOnRequestedPort(instance: Instance): void {
  const running = lastPorts(instance.dataDir);
  if (running && running.port !== instance.port) {
    throw new Error(
      `broker '${instance.name}' already runs at ${HOST}:${running.port}; stop it first to move it to port ${instance.port}`,
    );
  }
}

async function assertPortsFree(instance: Instance): Promise<void> {
  const tlsPort = instance.security?.tls?.port;
  for (const port of [instance.port, instance.controllerPort, ...(tlsPort ? [tlsPort] : [])]) {
    if (await acceptsConnections(HOST, port)) {
      const advice = 'stop that process or choose another --port';
      throw new Error(`port ${port} on ${HOST} is taken by another process, not broker '${instance.name}'; ${advice}`);
    }
  }
}

function writeConfiguration(instance: Instance): void {
  mkdirSync(instance.dataDir, { recursive: true });
  writeFileSync(instance.propertiesFile, serverProperties(instance));
  const ports: Ports = { port: instance.port, controllerPort: instance.controllerPort };
  writeFileSync(join(instance.dataDir, 'instance.json'), JSON.stringify(ports));
}

function serverProperties(instance: Instance): string {
  return [
    '# Rewritten at every start by deploy/local/kafka-broker.ts: change it there.',
    'process.roles=broker,controller',
    'node.id=1',
    `controller.quorum.voters=1@${HOST}:${instance.controllerPort}`,
    ...(instance.security ? securedListeners(instance, instance.security) : plainListeners(instance)),
    'controller.listener.names=CONTROLLER',
    `log.dirs=${instance.logDir}`,
    // Topics are created by the platform with explicit settings, never by a client's typo.
    'auto.create.topics.enable=false',
    'num.partitions=6',
    // One broker: every internal topic has a single replica, and one in-sync replica is enough.
    'default.replication.factor=1',
    'min.insync.replicas=1',
    'offsets.topic.replication.factor=1',
    'transaction.state.log.replication.factor=1',
    'transaction.state.log.min.isr=1',
    // Kafka's 50 partitions per internal topic only slow the first consumer group and transaction.
    'offsets.topic.num.partitions=10',
    'transaction.state.log.num.partitions=10',
    // Nobody else will join: let a consumer group form at once.
    'group.initial.rebalance.delay.ms=0',
    // Sized for a two-core development machine.
    'num.network.threads=2',
    'num.io.threads=4',
    'num.recovery.threads.per.data.dir=1',
    'log.segment.bytes=67108864',
    'log.retention.hours=168',
    '',
  ].join('\n');
}

function plainListeners(instance: Instance): string[] {
  return [
    `listeners=PLAINTEXT://${HOST}:${instance.port},CONTROLLER://${HOST}:${instance.controllerPort}`,
    `advertised.listeners=PLAINTEXT://${HOST}:${instance.port}`,
    'listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT',
    'inter.broker.listener.name=PLAINTEXT',
  ];
}

const SCRAM = 'SCRAM-SHA-512';
const SCRAM_LOGIN = 'org.apache.kafka.common.security.scram.ScramLoginModule required';

/**
 * SASL_PLAINTEXT (and SASL_SSL) for clients, SCRAM-SHA-512 only. The controller's listener stays
 * PLAINTEXT on 127.0.0.1: KRaft cannot check SCRAM there (the credentials live in the metadata it
 * serves), so its anonymous principal is a super user, as Kafka's own KRaft examples do.
 */
function securedListeners(instance: Instance, security: BrokerSecurity): string[] {
  const [brokerUser] = Object.keys(security.scramUsers);
  if (!brokerUser)
    throw new Error(`broker '${instance.name}': security needs at least one SCRAM user, the broker's own`);
  const brokerLogin = `${SCRAM_LOGIN} username="${brokerUser}" password="${security.scramUsers[brokerUser]}";`;
  const { tls } = security;
  const listeners = [
    `SASL_PLAINTEXT://${HOST}:${instance.port}`,
    ...(tls ? [`SASL_SSL://${HOST}:${checkedPort(tls.port)}`] : []),
  ];
  return [
    `listeners=${[...listeners, `CONTROLLER://${HOST}:${instance.controllerPort}`].join(',')}`,
    `advertised.listeners=${listeners.join(',')}`,
    'listener.security.protocol.map=SASL_PLAINTEXT:SASL_PLAINTEXT,SASL_SSL:SASL_SSL,CONTROLLER:PLAINTEXT',
    'inter.broker.listener.name=SASL_PLAINTEXT',
    `sasl.enabled.mechanisms=${SCRAM}`,
    `sasl.mechanism.inter.broker.protocol=${SCRAM}`,
    `listener.name.sasl_plaintext.scram-sha-512.sasl.jaas.config=${brokerLogin}`,
    ...(tls
      ? [
          `listener.name.sasl_ssl.scram-sha-512.sasl.jaas.config=${SCRAM_LOGIN};`,
          'listener.name.sasl_ssl.ssl.keystore.type=PEM',
          `listener.name.sasl_ssl.ssl.keystore.certificate.chain=${pemProperty(tls.certificateFile)}`,
          `listener.name.sasl_ssl.ssl.keystore.key=${pemProperty(tls.keyFile)}`,
        ]
      : []),
    ...(security.authorizer
      ? [
          'authorizer.class.name=org.apache.kafka.metadata.authorizer.StandardAuthorizer',
          `super.users=User:${brokerUser};User:ANONYMOUS`,
        ]
      : []),
  ];
}

/** A PEM file as one properties value: its line breaks escaped. */
function pemProperty(file: string): string {
  return readFileSync(file, 'utf8').trim().split(/\r?\n/).join('\\n');
}

async function formatStorageOnce(instance: Instance, classpath: string): Promise<void> {
  if (existsSync(join(instance.logDir, 'meta.properties'))) return;
  const scram = Object.entries(instance.security?.scramUsers ?? {}).flatMap(([name, password]) => [
    '--add-scram',
    `${SCRAM}=[name=${name},password=${password}]`,
  ]);
  const storageTool = [
    'kafka.tools.StorageTool',
    'format',
    '-t',
    clusterId(instance),
    '-c',
    instance.propertiesFile,
    ...scram,
  ];
  const format = await runTool('java', jvmArguments(instance, classpath, ['-Xmx256m'], storageTool));
  if (format.exitCode !== 0) {
    throw new Error(`formatting the storage of broker '${instance.name}' failed:\n${lastLines(format.output, 20)}`);
  }
}

/** The id the instance's storage is formatted with, kept beside it: a re-format after losing log/ keeps it. */
function clusterId(instance: Instance): string {
  const file = join(instance.dataDir, 'cluster.id');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  let id: string;
  // Like Kafka's own Uuid.randomUuid: an id starting with '-' would be read as an option by the storage tool.
  do id = randomBytes(16).toString('base64url');
  while (id.startsWith('-'));
  writeFileSync(file, `${id}\n`);
  return id;
}

function jvmArguments(instance: Instance, classpath: string, memory: string[], mainAndArgs: string[]): string[] {
  return [
    ...memory,
    `-Dlog4j.configuration=file:${LOG4J_CONFIG}`,
    `-Dkafka.logs.dir=${instance.dataDir}`,
    '-cp',
    classpath,
    ...mainAndArgs,
  ];
}

async function spawnBroker(instance: Instance, classpath: string): Promise<number> {
  const memory = [
    `-Xms${Math.min(256, instance.heapMb)}m`,
    `-Xmx${instance.heapMb}m`,
    '-XX:+UseG1GC',
    '-XX:+ExitOnOutOfMemoryError',
  ];
  const consoleOutput = openSync(instance.consoleLog, 'a');
  try {
    // A session of its own: the broker outlives the command or test run that started it, and its Ctrl-C.
    const child = spawn('java', jvmArguments(instance, classpath, memory, ['kafka.Kafka', instance.propertiesFile]), {
      detached: true,
      stdio: ['ignore', consoleOutput, consoleOutput],
    });
    await once(child, 'spawn').catch((error: unknown) => {
      throw toolError('java', error);
    });
    child.unref();
    writeFileSync(instance.pidFile, `${child.pid}\n`);
    return child.pid!;
  } finally {
    closeSync(consoleOutput);
  }
}

async function waitUntilServing(instance: Instance, pid: number, logBefore: LogEnds): Promise<void> {
  const waitingSince = Date.now();
  const failure = (what: string) =>
    new Error(`broker '${instance.name}' ${what}; the end of its log:\n${writtenSince(logBefore)}`);
  while (!(await answersKafka(instance.port))) {
    if (!isBrokerProcess(pid, instance)) throw failure('exited while starting');
    if (Date.now() - waitingSince > instance.readyTimeoutMs) {
      throw failure(`did not answer at ${instance.brokers} within ${instance.readyTimeoutMs / 1000} s`);
    }
    await sleep(250);
  }
}

/** The broker's own JVM: one running this instance's server.properties. */
function isBrokerProcess(pid: number, instance: Instance): boolean {
  return runs(pid, (commandLine) => commandLine.includes(instance.propertiesFile));
}

const API_VERSIONS_KEY = 18;
const PROBE_CORRELATION_ID = 1;

/**
 * Whether the port serves Kafka requests: a broker accepts TCP connections well before it handles
 * requests, so this sends the smallest request there is, ApiVersions v0, and checks the answer.
 */
function answersKafka(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: HOST, port });
    let response = Buffer.alloc(0);
    const answer = (serving: boolean) => {
      socket.destroy();
      resolve(serving);
    };
    socket.setTimeout(2_000, () => answer(false));
    socket.once('error', () => answer(false));
    socket.once('close', () => answer(false));
    socket.once('connect', () => socket.write(apiVersionsRequest()));
    socket.on('data', (chunk: Buffer) => {
      response = Buffer.concat([response, chunk]);
      // Size (int32), correlation id (int32), error code (int16): enough to know it answered.
      if (response.length >= 10)
        answer(response.readInt32BE(4) === PROBE_CORRELATION_ID && response.readInt16BE(8) === 0);
    });
  });
}

function apiVersionsRequest(): Buffer {
  const clientId = Buffer.from('onestop-local-probe');
  const request = Buffer.alloc(4 + 2 + 2 + 4 + 2 + clientId.length);
  let offset = request.writeInt32BE(request.length - 4, 0);
  offset = request.writeInt16BE(API_VERSIONS_KEY, offset);
  offset = request.writeInt16BE(0, offset); // request version
  offset = request.writeInt32BE(PROBE_CORRELATION_ID, offset);
  offset = request.writeInt16BE(clientId.length, offset);
  clientId.copy(request, offset);
  return request;
}

interface ToolRun {
  exitCode: number;
  output: string;
}

async function runTool(tool: keyof typeof TOOL_NAMES, args: string[]): Promise<ToolRun> {
  const child = spawn(tool, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk));
  const [exitCode] = (await once(child, 'close').catch((error: unknown) => {
    throw toolError(tool, error);
  })) as [number | null];
  return { exitCode: exitCode ?? 1, output };
}

function toolError(tool: keyof typeof TOOL_NAMES, error: unknown): unknown {
  if ((error as NodeJS.ErrnoException).code !== 'ENOENT') return error;
  return new Error(`${TOOL_NAMES[tool]} is not installed ('${tool}' is not on the PATH); ${INSTALL_HINT}`);
}

/** The size of each of the broker's output files: its log, and its console where the JVM reports what log4j cannot. */
type LogEnds = Map<string, number>;

function logEnds(instance: Instance): LogEnds {
  return new Map(
    [instance.serverLog, instance.consoleLog].map((file) => [file, existsSync(file) ? statSync(file).size : 0]),
  );
}

/** The last lines the broker wrote since `before`: older lines belong to earlier runs and would mislead. */
function writtenSince(before: LogEnds): string {
  const tails = [...before]
    .filter(([file]) => existsSync(file))
    .map(([file, end]) => {
      const content = readFileSync(file);
      const since = content.length >= end ? end : 0; // a shorter file has rolled over: all of it is new
      return lastLines(content.subarray(since).toString('utf8'), 15);
    })
    .filter((tail) => tail !== '');
  return tails.join('\n') || '(the broker wrote nothing)';
}

function lastLines(text: string, count: number): string {
  return text.trimEnd().split('\n').slice(-count).join('\n');
}
