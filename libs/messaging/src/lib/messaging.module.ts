import { DynamicModule, Global, Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { EventRegistry, ServiceName } from '@onestop/contracts';
import { BackgroundStart, PlatformEnv, ServiceTransport } from '@onestop/platform';
import { Kafka } from 'kafkajs';
import { DeadLetterStore } from './dead-letters/dead-letter-store';
import { createIdempotentProducer, createKafka, kafkaSettings } from './kafka/kafka-client';
import { KAFKA_PRODUCER, MESSAGING_SERVICE, MessagingRuntime } from './messaging.runtime';
import { OutboxWriter } from './outbox/outbox-writer';
import { EventTransport } from './transport/event-transport';

export interface MessagingOptions {
  service: ServiceName;
  registry: EventRegistry;
}

/**
 * The service's connection to the event backbone: write events with OutboxWriter inside a
 * transaction, handle events with `@EventPattern` methods of controllers; the runtime does the rest.
 */
@Global()
@Module({})
export class MessagingModule {
  static forRoot(options: MessagingOptions): DynamicModule {
    return {
      module: MessagingModule,
      imports: [DiscoveryModule],
      providers: [
        { provide: MESSAGING_SERVICE, useValue: options.service },
        { provide: EventRegistry, useValue: options.registry },
        {
          provide: Kafka,
          useFactory: (env: PlatformEnv) => createKafka(kafkaSettings(env, `onestop-${options.service}`)),
          inject: [PlatformEnv],
        },
        { provide: KAFKA_PRODUCER, useFactory: createIdempotentProducer, inject: [Kafka] },
        {
          provide: OutboxWriter,
          useFactory: (registry: EventRegistry) => new OutboxWriter(registry),
          inject: [EventRegistry],
        },
        { provide: DeadLetterStore, useFactory: (kafka: Kafka) => new DeadLetterStore(kafka), inject: [Kafka] },
        EventTransport,
        { provide: ServiceTransport, useExisting: EventTransport },
        MessagingRuntime,
        { provide: BackgroundStart, useExisting: MessagingRuntime },
      ],
      exports: [
        ServiceTransport,
        EventTransport,
        MESSAGING_SERVICE,
        Kafka,
        KAFKA_PRODUCER,
        EventRegistry,
        OutboxWriter,
        DeadLetterStore,
        MessagingRuntime,
        BackgroundStart,
      ],
    };
  }
}
