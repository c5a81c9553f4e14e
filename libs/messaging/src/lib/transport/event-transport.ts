import { ExceptionFilter, Injectable } from '@nestjs/common';
import { MessageHandler } from '@nestjs/microservices';
import { EventEnvelope } from '@onestop/contracts';
import { ServiceTransport } from '@onestop/platform';
import { isObservable, lastValueFrom } from 'rxjs';
import { EntityManager } from 'typeorm';
import { EventHandler } from '../inbox/event-handler';
import { EventErrorsFilter } from './event-errors.filter';
import { InboxContext } from './inbox-context';

/**
 * The event backbone as a Nest transport. Nest registers every `@EventPattern(type)` method of the
 * service's controllers here; the inbox consumer calls them, one event at a time inside the
 * inbox's transaction, through Nest's pipeline (pipes, interceptors, filters).
 *
 * The consumer itself is started by MessagingRuntime when the application boots, not by
 * `listen`: every way a service is started (its process, a test, a replay) then consumes, and
 * Kafka being away at boot delays nothing else.
 */
@Injectable()
export class EventTransport extends ServiceTransport {
  exceptionFilters(): ExceptionFilter[] {
    return [new EventErrorsFilter()];
  }

  listen(callback: (...optionalParams: unknown[]) => unknown): void {
    callback();
  }

  close(): void {
    // The consumer belongs to MessagingRuntime, which stops it with the application.
  }

  on(): never {
    throw new Error('the event transport emits no status events');
  }

  unwrap<T>(): T {
    throw new Error('the event transport wraps no client of its own');
  }

  /** The handlers Nest registered, by event type: what the service's consumer group takes. */
  eventHandlers(): Map<string, EventHandler> {
    const handlers = new Map<string, EventHandler>();
    for (const [type, handler] of this.getHandlers()) {
      if (!handler.isEventHandler)
        throw new Error(`${type} is a @MessagePattern: events are handled by @EventPattern methods`);
      if (handler.next)
        throw new Error(`two @EventPattern handlers for ${type}: one handler per event type and service`);
      handlers.set(type, { handle: (event, tx) => dispatch(handler, event, tx) });
    }
    return handlers;
  }
}

async function dispatch(handler: MessageHandler, event: EventEnvelope, tx: EntityManager): Promise<void> {
  const result = await handler(event, new InboxContext([tx, event]));
  if (isObservable(result)) await lastValueFrom(result, { defaultValue: undefined });
}

/** Where @nestjs/microservices keeps a method's `@EventPattern`s. */
const PATTERN_METADATA = 'microservices:pattern';

/** The event types a controller class handles, read from its `@EventPattern` methods without creating it. */
export function eventTypesHandledBy(controller: new (...args: never[]) => unknown): string[] {
  const prototype = controller.prototype as object;
  return Object.getOwnPropertyNames(prototype).flatMap((name) => {
    // Through the descriptor: reading a getter would run it.
    const method: unknown = Object.getOwnPropertyDescriptor(prototype, name)?.value;
    const patterns =
      typeof method === 'function'
        ? (Reflect.getMetadata(PATTERN_METADATA, method) as unknown[] | undefined)
        : undefined;
    return (patterns ?? []).filter((pattern): pattern is string => typeof pattern === 'string');
  });
}
