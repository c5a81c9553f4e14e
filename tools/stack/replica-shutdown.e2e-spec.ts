import { intakeSchema, intakeService } from '@onestop/intake';
import { startServiceWithDatabase, startTestService, testKafkaBrokers, waitFor } from '@onestop/testing';
import { Kafka, logLevel } from 'kafkajs';

/**
 * Replicas stopping one after the other, as a rollout does: the group rebalances under the one
 * still stopping, and kafkajs restarts a consumer whose rebalance failed. A stopped replica must
 * leave the group for good, or it would take partitions and never process them.
 */
describe('replicas stopping during a rebalance', () => {
  const kafka = new Kafka({
    clientId: 'replica-shutdown-test',
    brokers: testKafkaBrokers(),
    logLevel: logLevel.NOTHING,
  });
  const admin = kafka.admin();

  beforeAll(() => admin.connect());
  afterAll(() => admin.disconnect());

  const members = async (groupId: string) => (await admin.describeGroups([groupId])).groups[0].members.length;

  it('leaves no member in the group once both replicas have stopped', async () => {
    const first = await startServiceWithDatabase(intakeService, intakeSchema);
    const groupId = first.env.KAFKA_GROUP_ID!;
    const second = await startTestService(intakeService, { DATABASE_URL: first.database.url, KAFKA_GROUP_ID: groupId });
    // Stopped while the group still rebalances for the second replica.
    await new Promise((resolve) => setTimeout(resolve, 3_000));

    await second.close();
    await first.close();

    // A member stopped halfway through joining is dropped by the broker after the session timeout
    // (30 s); one that came back heartbeats and stays.
    await waitFor(async () => (await members(groupId)) === 0, 45_000, 'an empty group');
  }, 150_000);
});
