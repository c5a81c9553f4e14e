import 'reflect-metadata';
import { Controller, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { EventEnvelope } from '@onestop/contracts';
import { EventTransport, InboxContext } from '@onestop/messaging';
import { connectServiceTransport, ServiceTransport } from '@onestop/platform';
import { EntityManager } from 'typeorm';

/**
 * What Nest's pipeline adds to each event: the same handler called through the event transport
 * (context, parameter decorators, exception zone) and directly, in a loop on one thread.
 */
const CALLS = Number(process.env['BENCH_CALLS'] ?? 100_000);

@Controller()
class ProbeEventsController {
  applied = 0;

  @EventPattern('ProbeRecorded')
  async recorded(@Payload() event: EventEnvelope, @Ctx() inbox: InboxContext): Promise<void> {
    if (event.id && inbox.tx) this.applied++;
  }
}

@Module({
  controllers: [ProbeEventsController],
  providers: [EventTransport, { provide: ServiceTransport, useExisting: EventTransport }],
})
class ProbeModule {}

async function microsecondsPerCall(call: () => Promise<void>): Promise<number> {
  const began = performance.now();
  for (let n = 0; n < CALLS; n++) await call();
  return ((performance.now() - began) * 1000) / CALLS;
}

async function main(): Promise<void> {
  const app = await NestFactory.create(ProbeModule, { logger: false });
  connectServiceTransport(app);
  await app.init();
  const throughNest = app.get(EventTransport).eventHandlers().get('ProbeRecorded')!;
  const controller = app.get(ProbeEventsController);
  const tx = {} as EntityManager;
  const event = { id: 'probe-1', type: 'ProbeRecorded' } as EventEnvelope;
  // The first round warms the JIT; the second is the one reported.
  for (const round of ['warm-up', 'measured']) {
    const nest = await microsecondsPerCall(() => throughNest.handle(event, tx));
    const direct = await microsecondsPerCall(() => controller.recorded(event, new InboxContext([tx, event])));
    console.log(
      `${round}: through Nest ${nest.toFixed(2)} µs/event, direct ${direct.toFixed(2)} µs/event (${CALLS} calls)`,
    );
  }
  await app.close();
}

void main();
