import { testKafkaBrokers } from '@onestop/testing';
import { Kafka, logLevel } from 'kafkajs';
import { randomBytes } from 'node:crypto';
import { commitLatestPositions } from './consumer-position';

/** A group starting at the latest events has its position from the start, not from its first fetch. */
describe('commitLatestPositions', () => {
  const kafka = new Kafka({
    clientId: 'consumer-position-test',
    brokers: testKafkaBrokers(),
    logLevel: logLevel.NOTHING,
  });
  const topic = `consumer-position-${randomBytes(4).toString('hex')}`;
  const admin = kafka.admin();
  const producer = kafka.producer();

  beforeAll(async () => {
    await Promise.all([admin.connect(), producer.connect()]);
    await admin.createTopics({ topics: [{ topic, numPartitions: 3 }], waitForLeaders: true });
    await producer.send({
      topic,
      messages: ['old-1', 'old-2', 'old-3'].map((value, i) => ({ key: String(i), value })),
    });
  });

  afterAll(async () => {
    await admin.deleteTopics({ topics: [topic] }).catch(() => undefined);
    await Promise.all([admin.disconnect(), producer.disconnect()]);
  });

  const committed = async (groupId: string) =>
    (await admin.fetchOffsets({ groupId, topics: [topic] }))[0].partitions
      .map((p) => Number(p.offset))
      .sort((a, b) => a - b);
  const ends = async () => (await admin.fetchTopicOffsets(topic)).map((p) => Number(p.high)).sort((a, b) => a - b);

  it("commits a new group's positions at the topic's ends, so what comes after is consumed and nothing before", async () => {
    const groupId = `fresh-${randomBytes(4).toString('hex')}`;
    await commitLatestPositions(kafka, groupId, [topic]);
    expect(await committed(groupId)).toEqual(await ends());

    await producer.send({ topic, messages: [{ key: 'new', value: 'new-1' }] });
    const consumer = kafka.consumer({ groupId });
    const seen: string[] = [];
    await consumer.connect();
    await consumer.subscribe({ topics: [topic], fromBeginning: false });
    await consumer.run({ eachMessage: async ({ message }) => void seen.push(message.value!.toString()) });
    const deadline = Date.now() + 20_000;
    while (seen.length === 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
    await consumer.disconnect();
    expect(seen).toEqual(['new-1']);
    await admin.deleteGroups([groupId]);
  });

  it("leaves a group's own offsets alone", async () => {
    const groupId = `known-${randomBytes(4).toString('hex')}`;
    await admin.setOffsets({ groupId, topic, partitions: [0, 1, 2].map((partition) => ({ partition, offset: '0' })) });
    await commitLatestPositions(kafka, groupId, [topic]);
    expect(await committed(groupId)).toEqual([0, 0, 0]);
    await admin.deleteGroups([groupId]);
  });
});
