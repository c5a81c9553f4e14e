import { registerOfficer, SignatureServiceUnderTest, startSignatureService } from '@onestop/digital-signature/testing';
import { IntakeEnv, intakeSchema, intakeService } from '@onestop/intake';
import { resetBroker, startBroker, stopBroker } from '@onestop/local-stack';
import { EffectiveCalendarDay, WorkingCalendar, withoutMarks } from '@onestop/calendar';
import {
  BackgroundStart,
  Clock,
  closeRedis,
  connectRedis,
  PlatformEnv,
  setSimulatedClock,
  setSimulatedRate,
} from '@onestop/platform';
import { AdministrativeUnits } from '@onestop/reference-data';
import { reportingSchema, reportingService } from '@onestop/reporting';
import { routingSchema, routingService } from '@onestop/routing';
import {
  RunningService,
  ServiceUnderTest,
  startServiceWithDatabase,
  startTestService,
  testRedisUrl,
  tokenFor,
  waitFor,
} from '@onestop/testing';
import { randomBytes } from 'node:crypto';
import type { RedisClientType } from 'redis';
import request from 'supertest';
import { migrateDatabase } from '../stack/schema-migrations';

/** A local broker by name and port. */
export interface BrokerName {
  name: string;
  port: number;
}

/** The simulation's own broker, so its routing never takes another run's dossiers. */
const BROKER: BrokerName = { name: 'simulate', port: 19592 };

/**
 * The services a province's dossiers pass through, each with a fresh database, on one simulated
 * clock shared in Redis that stands still until moved: intake, routing, digital signature (a
 * development PKI with a signing certificate for each unit's leader) and reporting. Each unit
 * has a specialist registered in routing.
 */
export class ProvinceStack {
  private constructor(
    readonly provinceCode: string,
    readonly communes: string[],
    readonly intake: ServiceUnderTest<IntakeEnv>,
    readonly routing: ServiceUnderTest<PlatformEnv>,
    readonly signature: SignatureServiceUnderTest,
    readonly reporting: RunningService<PlatformEnv>,
    private readonly redis: RedisClientType,
    private readonly clockKey: string,
    private readonly broker: BrokerName,
  ) {}

  /**
   * `readModelUrl` names a reporting database to project into and keep (the platform's, for its
   * dashboard); without it reporting gets a fresh database dropped at the end like the others.
   */
  static async start(options: {
    provinceCode: string;
    communes: number;
    startsAt: Date;
    broker?: BrokerName;
    readModelUrl?: string;
    log: (line: string) => void;
  }): Promise<ProvinceStack> {
    const broker = options.broker ?? BROKER;
    const clockKey = `onestop:clock:simulate-${randomBytes(4).toString('hex')}`;
    // What has been started, closed again in reverse if a later step fails.
    const started: Array<() => Promise<unknown>> = [];
    try {
      // A connection as the services hold them: a Redis outage during a long run is warned about, not fatal.
      const redis = await connectRedis(testRedisUrl(), 'simulate');
      started.push(async () => redis.del(clockKey).finally(() => closeRedis(redis)));
      await setSimulatedClock(redis, options.startsAt, { key: clockKey, force: true });
      await setSimulatedRate(redis, 0, { key: clockKey });
      await resetBroker(broker);
      const { brokers } = await startBroker(broker);
      started.push(() => stopBroker(broker));
      const env = { CLOCK: 'simulated', CLOCK_KEY: clockKey, KAFKA_BROKERS: brokers, KAFKA_CONSUMER_START: 'earliest' };
      options.log(
        `simulate: kafka at ${brokers}; simulated time ${options.startsAt.toISOString()} in redis key ${clockKey}`,
      );

      const intake = await startServiceWithDatabase(intakeService, intakeSchema, env);
      started.push(() => intake.close());
      const units = await intake.app
        .get(AdministrativeUnits)
        .list({ provinceCode: options.provinceCode, kind: 'commune' });
      const communes = units
        .filter((unit) => unit.effectiveTo === null)
        .map((unit) => unit.code)
        .sort()
        .slice(0, options.communes);
      if (communes.length === 0)
        throw new Error(`province ${options.provinceCode} has no communes in the reference data`);
      const routing = await startServiceWithDatabase(routingService, routingSchema, env);
      started.push(() => routing.close());
      const leaders = communes.map((unitCode) => ({ id: leaderOf(unitCode), name: `Lãnh đạo ${unitCode}`, unitCode }));
      const signature = await startSignatureService(leaders, env, { pkiIssuedAt: options.startsAt });
      started.push(() => signature.close());
      const reporting = await startReporting(env, options.readModelUrl);
      started.push(() => reporting.close());
      const stack = new ProvinceStack(
        options.provinceCode,
        communes,
        intake,
        routing,
        signature,
        reporting,
        redis,
        clockKey,
        broker,
      );
      await stack.registerOfficers();
      options.log(
        `simulate: intake ${intake.url}, routing ${routing.url}, digital-signature ${signature.service.url}, reporting ${reporting.url}; ${communes.length} communes`,
      );
      return stack;
    } catch (error) {
      for (const close of started.reverse()) await close().catch(() => undefined);
      throw error;
    }
  }

  /** Moves the shared clock and waits until every service reads the new time. */
  async moveTo(instant: Date): Promise<void> {
    await setSimulatedClock(this.redis, instant, { key: this.clockKey });
    const services = [this.intake, this.routing, this.signature.service, this.reporting];
    await waitFor(
      async () => services.every((service) => service.app.get(Clock, { strict: false }).now() >= instant),
      10_000,
      `every service at ${instant.toISOString()}`,
    );
  }

  /** The working calendar intake computes the province's deadlines with, read through its public API. */
  async calendar(years: number[]): Promise<WorkingCalendar> {
    const days: EffectiveCalendarDay[] = [];
    for (const year of years)
      days.push(
        ...(await request(this.intake.url).get(`/api/v1/calendar/${year}?province=${this.provinceCode}`).expect(200))
          .body.days,
      );
    return new WorkingCalendar(withoutMarks(days));
  }

  async close(): Promise<void> {
    await Promise.all([this.intake.close(), this.routing.close(), this.signature.close(), this.reporting.close()]);
    await this.redis.del(this.clockKey);
    await closeRedis(this.redis);
    await stopBroker(this.broker);
  }

  private async registerOfficers(): Promise<void> {
    const admin = await tokenFor('province-admin', undefined, this.provinceCode, 'simulate-admin');
    for (const unitCode of this.communes) {
      await request(this.routing.url)
        .put(`/api/v1/units/${unitCode}/officers/${specialistOf(unitCode)}`)
        .auth(admin, { type: 'bearer' })
        .send({ roles: ['specialist'], active: true })
        .expect(200);
      await registerOfficer(
        this.signature.service.url,
        admin,
        this.signature.pki.officers.get(leaderOf(unitCode))!,
        this.signature.pki,
        leaderOf(unitCode),
        unitCode,
      );
    }
  }
}

export const leaderOf = (unitCode: string) => `leader-${unitCode}`;
export const specialistOf = (unitCode: string) => `specialist-${unitCode}`;
export const deskOf = (unitCode: string) => `desk-${unitCode}`;

/** Reporting on a fresh database, or on a kept one (migrated first, never dropped). */
async function startReporting(
  env: Record<string, string>,
  readModelUrl: string | undefined,
): Promise<RunningService<PlatformEnv>> {
  if (!readModelUrl) return startServiceWithDatabase(reportingService, reportingSchema, env);
  await migrateDatabase(readModelUrl, reportingSchema);
  const reporting = await startTestService(reportingService, {
    ...env,
    DATABASE_URL: readModelUrl,
    KAFKA_GROUP_ID: `reporting-simulate-${randomBytes(4).toString('hex')}`,
  });
  await reporting.app.get(BackgroundStart, { strict: false }).whenStarted();
  return reporting;
}
