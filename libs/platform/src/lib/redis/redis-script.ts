import { createHash } from 'node:crypto';
import { ErrorReply, RedisClientType } from 'redis';

/**
 * A Lua script Redis runs whole. Called by its SHA1 (EVALSHA); sent in full (EVAL, which also
 * caches it) only when Redis does not know it yet, after a restart or SCRIPT FLUSH. Held apart
 * from the connection, so a service's features bring their scripts to the one shared client.
 */
export class RedisScript {
  private readonly sha1: string;

  constructor(private readonly source: string) {
    this.sha1 = createHash('sha1').update(source).digest('hex');
  }

  /** Runs the script with its keys and arguments; numbers go over as their decimal text. */
  async run(redis: RedisClientType, keys: string[], args: (string | number)[] = []): Promise<unknown> {
    const options = { keys, arguments: args.map(String) };
    try {
      return await redis.evalSha(this.sha1, options);
    } catch (error) {
      if (!(error instanceof ErrorReply && error.message.startsWith('NOSCRIPT'))) throw error;
      return redis.eval(this.source, options);
    }
  }
}
