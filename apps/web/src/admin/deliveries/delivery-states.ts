import type { Tone } from '../../ui/Pill';
import type { DeliveryChannel, DeliveryState } from './queries';

/** The filters' values, as the service's document lists them. */
export const DELIVERY_STATES = [
  'created',
  'sending',
  'delivered',
  'temporary-failure',
  'permanent-failure',
  'technical-failure',
] as const satisfies readonly DeliveryState[];
export const DELIVERY_CHANNELS = [
  'email',
  'sms',
  'zalo',
  'inbox',
  'webhook',
] as const satisfies readonly DeliveryChannel[];

/** A colour that repeats what the state's words say. */
export const STATE_COLOURS: Record<string, Tone> = {
  created: 'grey',
  sending: 'blue',
  delivered: 'green',
  'temporary-failure': 'orange',
  'permanent-failure': 'red',
  'technical-failure': 'red',
};

/** The service's shape of a dossier code (19753-261124-0001): anything else it refuses, so the filter waits for a whole one. */
export const DOSSIER_CODE = /^[0-9A-Z.]{2,20}-\d{6}-\d{4}$/;
