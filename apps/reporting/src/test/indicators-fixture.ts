import { EventEnvelope } from '@onestop/contracts';
import { PlatformEnv } from '@onestop/platform';
import {
  publishEvents,
  ServiceUnderTest,
  startServiceWithDatabase,
  testKafkaBrokers,
  tokenFor,
} from '@onestop/testing';
import { Kafka, logLevel, Producer } from 'kafkajs';
import request from 'supertest';
import { reportingSchema } from '../database/schema';
import { reportingService } from '../service';

/**
 * A reporting service on a database of its own, reading only events published from now on, with a
 * producer onto the shared topics and the tokens of a leader of the suite's first unit and of the
 * province: what the indicator suites start from. Each suite names its own unit codes, so another
 * suite's events on the shared topics never land in its rows.
 */
export class IndicatorsFixture {
  private constructor(
    readonly reporting: ServiceUnderTest<PlatformEnv>,
    private readonly producer: Producer,
    private readonly units: readonly string[],
    readonly tokens: { unitLeader: string; province: string },
  ) {}

  static async start(clientId: string, units: readonly string[]): Promise<IndicatorsFixture> {
    const reporting = await startServiceWithDatabase(reportingService, reportingSchema, {
      KAFKA_CONSUMER_START: 'latest',
    });
    const producer = new Kafka({ clientId, brokers: testKafkaBrokers(), logLevel: logLevel.NOTHING }).producer();
    await producer.connect();
    const tokens = {
      unitLeader: await tokenFor('unit-leader', units[0], '46', `leader-${units[0]}`),
      province: await tokenFor('province-leader', undefined, '46', 'province-leader-46'),
    };
    return new IndicatorsFixture(reporting, producer, units, tokens);
  }

  async publish(topic: string, events: readonly EventEnvelope[]): Promise<void> {
    await publishEvents(this.producer, topic, events);
  }

  get(path: string, token: string) {
    return request(this.reporting.url).get(path).auth(token, { type: 'bearer' });
  }

  /** The JSON body of a GET that must answer 200. */
  async body(path: string, token: string) {
    return (await this.get(path, token).expect(200)).body;
  }

  /** How many facts of dossiers received at the suite's units meet an SQL condition. */
  async factCount(condition: string): Promise<number> {
    const rows = await this.reporting.database.dataSource.query(
      `SELECT count(*) AS n FROM dossier_facts WHERE receiving_unit_code = ANY($1) AND ${condition}`,
      [this.units],
    );
    return Number(rows[0].n);
  }

  async close(): Promise<void> {
    await this.producer.disconnect();
    await this.reporting.close();
  }
}
