import { Channel } from '../domain/notification-kinds';

/** The channels that reach people (webhooks go to tenants' systems, not to a person). */
export const PERSONAL_CHANNELS = ['email', 'sms', 'zalo', 'inbox'] as const;
export type PersonalChannel = (typeof PERSONAL_CHANNELS)[number];

/** How a person can be reached; null where the platform has no address. */
export interface Reach {
  email: string | null;
  phone: string | null;
  /** The account whose in-app inbox gets the notice (citizens who filed online, officers). */
  account: string | null;
}

export type ChannelSwitches = Partial<Record<PersonalChannel, boolean>>;

/** What people get unless they chose otherwise: Zalo only for those who opted in. */
export const DEFAULT_SWITCHES: Record<PersonalChannel, boolean> = { email: true, sms: true, zalo: false, inbox: true };

/** Tried in this order when a critical notice would otherwise reach nobody outside the platform. */
const CRITICAL_FALLBACK: readonly PersonalChannel[] = ['sms', 'email', 'zalo', 'inbox'];

export interface PlannedChannel {
  channel: Channel;
  address: string;
}

function addressOn(channel: PersonalChannel, reach: Reach): string | null {
  if (channel === 'email') return reach.email;
  if (channel === 'inbox') return reach.account;
  return reach.phone; // SMS and Zalo ZNS both address a phone number.
}

/**
 * The channels a notice goes out on: those the person has switched on, that the platform can use
 * (`usable`: configured here, and for Zalo a template exists) and that have an address. A critical
 * notice (a legal notice) always goes out: when preferences leave nothing outside the platform, the
 * first usable channel of SMS, e-mail, Zalo, inbox is added anyway.
 */
export function planChannels(
  reach: Reach,
  switches: ChannelSwitches,
  usable: ReadonlySet<PersonalChannel>,
  critical: boolean,
): PlannedChannel[] {
  const reachable = PERSONAL_CHANNELS.filter((channel) => usable.has(channel) && addressOn(channel, reach) !== null);
  const chosen = reachable.filter((channel) => switches[channel] ?? DEFAULT_SWITCHES[channel]);
  if (critical && !chosen.some((channel) => channel !== 'inbox')) {
    const fallback = CRITICAL_FALLBACK.find((channel) => reachable.includes(channel) && !chosen.includes(channel));
    if (fallback) chosen.push(fallback);
  }
  return chosen.map((channel) => ({ channel, address: addressOn(channel, reach)! }));
}
