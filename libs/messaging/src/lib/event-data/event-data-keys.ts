import { Injectable, Module } from '@nestjs/common';
import {
  developmentKeyring,
  EventDataEnv,
  Keyring,
  parseKeyring,
  PlatformEnv,
  seal,
  SealedBox,
  unseal,
} from '@onestop/platform';
import { sealContext } from '@onestop/contracts';
import { z } from 'zod';

/**
 * The keys that seal personal data inside events (EVENT_DATA_KEYS, a keyring of 32-byte keys).
 * Only the services that write or read such data get them: intake and routing seal, routing,
 * notification and the signature service open; reporting and task monitoring never have them.
 */
@Injectable()
export class EventDataKeys {
  constructor(private readonly ring: Keyring) {}

  /** From the service's settings, which EventDataEnv checked at boot (required in production). */
  static fromSettings(env: EventDataEnv): EventDataKeys {
    if (!(env instanceof EventDataEnv))
      throw new Error('a service that seals or opens personal data in events has settings of EventDataEnv');
    return new EventDataKeys(
      env.EVENT_DATA_KEYS ? parseKeyring(env.EVENT_DATA_KEYS, 'base64-key') : developmentKeyring('event-data'),
    );
  }

  seal(contents: object, eventType: string, dossierId: string): SealedBox {
    return seal(this.ring, JSON.stringify(contents), sealContext(eventType, dossierId));
  }

  /** Opens a box and checks what it holds; throws when the key is gone, the box was altered or moved. */
  open<T>(box: SealedBox, schema: z.ZodType<T>, eventType: string, dossierId: string): T {
    return schema.parse(JSON.parse(unseal(this.ring, box, sealContext(eventType, dossierId))));
  }
}

/** Imported by the services that seal or open personal data in events, whose settings are an EventDataEnv. */
@Module({
  providers: [{ provide: EventDataKeys, useFactory: EventDataKeys.fromSettings, inject: [PlatformEnv] }],
  exports: [EventDataKeys],
})
export class EventDataModule {}
