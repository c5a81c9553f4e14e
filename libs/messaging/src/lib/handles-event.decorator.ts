import { EventDefinition } from '@onestop/contracts';

export const HANDLED_EVENT = 'onestop:handled-event';

/**
 * Marks a provider as the handler of one event type (it implements EventHandler). The messaging
 * module finds such providers and subscribes the service's consumer group to their topics.
 */
export function HandlesEvent(definition: EventDefinition): ClassDecorator {
  return (target) => Reflect.defineMetadata(HANDLED_EVENT, definition, target);
}

export function handledEventOf(target: object): EventDefinition | undefined {
  return Reflect.getMetadata(HANDLED_EVENT, target) as EventDefinition | undefined;
}
