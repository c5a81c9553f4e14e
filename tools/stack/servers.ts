import { Client } from 'pg';
import { createClient, RedisClientType } from 'redis';

/** How to start each server the stack needs on this kind of machine, said when it is missing. */
const HOW_TO_START = {
  postgres: 'pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start',
  redis: "redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --save '' --appendonly no",
};

/** Fails with one line per unreachable server, saying where it was looked for and how to start it. */
export async function checkServers(postgresUrl: string, redisUrl: string): Promise<void> {
  const problems: string[] = [];
  const pg = new Client({ connectionString: `${postgresUrl}/postgres`, connectionTimeoutMillis: 3_000 });
  try {
    await pg.connect();
    await pg.query('SELECT 1');
  } catch (error) {
    problems.push(
      `PostgreSQL is not reachable at ${postgresUrl} (${(error as Error).message}); start it with: ${HOW_TO_START.postgres}`,
    );
  } finally {
    await pg.end().catch(() => undefined);
  }
  try {
    (await connectRedisOnce(redisUrl)).destroy();
  } catch (error) {
    problems.push((error as Error).message);
  }
  if (problems.length) throw new Error(problems.join('\n'));
}

/** A Redis connection for a command that fails at once, saying where Redis was looked for and how to start it. */
export async function connectRedisOnce(redisUrl: string): Promise<RedisClientType> {
  const redis: RedisClientType = createClient({
    url: redisUrl,
    disableOfflineQueue: true,
    socket: { connectTimeout: 3_000, reconnectStrategy: false },
  });
  // The failure is the connect's to report; node-redis emits it as an 'error' too, which would end the process unheard.
  redis.on('error', () => undefined);
  try {
    await redis.connect();
    await redis.ping();
    return redis;
  } catch (error) {
    if (redis.isOpen) redis.destroy();
    throw new Error(
      `Redis is not reachable at ${redisUrl} (${(error as Error).message}); start it with: ${HOW_TO_START.redis}`,
    );
  }
}
