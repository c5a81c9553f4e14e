import { BaseRpcContext } from '@nestjs/microservices';
import { EventEnvelope } from '@onestop/contracts';
import { EntityManager } from 'typeorm';

/**
 * What an `@EventPattern` handler gets with its event (`@Ctx() inbox: InboxContext`): the
 * transaction that also records the event in the inbox. Every effect goes through `tx`, so a
 * redelivered event finds its id there and changes nothing.
 */
export class InboxContext extends BaseRpcContext<[EntityManager, EventEnvelope]> {
  get tx(): EntityManager {
    return this.getArgByIndex(0);
  }

  get event(): EventEnvelope {
    return this.getArgByIndex(1);
  }
}
