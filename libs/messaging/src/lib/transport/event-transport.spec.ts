import {
  CallHandler,
  CanActivate,
  Controller,
  ExecutionContext,
  Injectable,
  Module,
  NestInterceptor,
  UseInterceptors,
} from '@nestjs/common';
import { APP_GUARD, NestFactory } from '@nestjs/core';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { EventEnvelope } from '@onestop/contracts';
import { connectServiceTransport, ServiceTransport } from '@onestop/platform';
import { tap } from 'rxjs';
import { EntityManager, QueryFailedError } from 'typeorm';
import { PermanentEventError } from '../inbox/event-handler';
import { EventTransport } from './event-transport';
import { InboxContext } from './inbox-context';

const calls: string[] = [];

@Injectable()
class NoteAround implements NestInterceptor {
  intercept(_context: ExecutionContext, next: CallHandler) {
    calls.push('before');
    return next.handle().pipe(tap(() => calls.push('after')));
  }
}

/** An HTTP guard refusing everything: events must not pass through the app's guards. */
@Injectable()
class RefuseEverything implements CanActivate {
  canActivate(): boolean {
    return false;
  }
}

@Controller()
@UseInterceptors(NoteAround)
class ProbeEventsController {
  @EventPattern('ProbeRecorded')
  async recorded(@Payload() event: EventEnvelope, @Ctx() inbox: InboxContext): Promise<void> {
    calls.push(`handled ${event.id} in ${(inbox.tx as unknown as { name: string }).name}`);
  }

  @EventPattern('ProbeRefused')
  refused(): never {
    throw new PermanentEventError('never applicable');
  }

  @EventPattern('ProbeWithoutDatabase')
  async withoutDatabase(): Promise<void> {
    throw new QueryFailedError('SELECT 1', [], new Error('connection terminated'));
  }
}

@Module({
  controllers: [ProbeEventsController],
  providers: [
    EventTransport,
    { provide: ServiceTransport, useExisting: EventTransport },
    { provide: APP_GUARD, useClass: RefuseEverything },
  ],
})
class ProbeModule {}

const tx = { name: 'the inbox transaction' } as unknown as EntityManager;
const eventOf = (type: string) => ({ id: `${type}-1`, type }) as EventEnvelope;

describe('EventTransport', () => {
  let handlers: Map<string, { handle(event: EventEnvelope, tx: EntityManager): Promise<void> }>;
  let close: () => Promise<void>;

  beforeAll(async () => {
    const app = await NestFactory.create(ProbeModule, { logger: false });
    connectServiceTransport(app);
    await app.init();
    handlers = app.get(EventTransport).eventHandlers();
    close = () => app.close();
  });

  afterAll(() => close());

  beforeEach(() => calls.splice(0));

  it('finds the @EventPattern methods of controllers, by event type', () => {
    expect([...handlers.keys()].sort()).toEqual(['ProbeRecorded', 'ProbeRefused', 'ProbeWithoutDatabase']);
  });

  it("calls a handler with the event and the inbox's transaction, inside the controller's interceptors and without the app's HTTP guards", async () => {
    await handlers.get('ProbeRecorded')!.handle(eventOf('ProbeRecorded'), tx);
    expect(calls).toEqual(['before', 'handled ProbeRecorded-1 in the inbox transaction', 'after']);
  });

  it("gives a failed handler's error back as it was thrown, so the consumer can tell a bad event from an outage", async () => {
    await expect(handlers.get('ProbeRefused')!.handle(eventOf('ProbeRefused'), tx)).rejects.toBeInstanceOf(
      PermanentEventError,
    );
    await expect(
      handlers.get('ProbeWithoutDatabase')!.handle(eventOf('ProbeWithoutDatabase'), tx),
    ).rejects.toBeInstanceOf(QueryFailedError);
  });
});

describe('EventTransport with two handlers of one event type', () => {
  @Controller()
  class First {
    @EventPattern('ProbeRecorded')
    recorded(): void {
      calls.push('first');
    }
  }

  @Controller()
  class Second {
    @EventPattern('ProbeRecorded')
    alsoRecorded(): void {
      calls.push('second');
    }
  }

  @Module({
    controllers: [First, Second],
    providers: [EventTransport, { provide: ServiceTransport, useExisting: EventTransport }],
  })
  class TwiceModule {}

  it('refuses them: one handler per event type and service, so an event has one effect', async () => {
    const app = await NestFactory.create(TwiceModule, { logger: false });
    connectServiceTransport(app);
    await app.init();
    try {
      expect(() => app.get(EventTransport).eventHandlers()).toThrow(/two @EventPattern handlers for ProbeRecorded/);
    } finally {
      await app.close();
    }
  });
});
