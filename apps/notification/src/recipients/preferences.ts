import { EntityManager } from 'typeorm';
import { Locale } from '../domain/notification-kinds';
import { ChannelSwitches } from './channel-plan';

/** A person's choices: channels on or off, language, and (for officers) where to reach them. */
export interface Preferences {
  personId: string;
  channels: ChannelSwitches;
  locale: Locale;
  email: string | null;
  phone: string | null;
  updatedAt: Date;
}

export const PREFERENCE_COLUMNS = `person_id AS "personId", channels, locale, email, phone, updated_at AS "updatedAt"`;

export async function preferencesOf(tx: EntityManager, personIds: readonly string[]): Promise<Map<string, Preferences>> {
  if (personIds.length === 0) return new Map();
  const rows: Preferences[] = await tx.query(`SELECT ${PREFERENCE_COLUMNS} FROM preferences WHERE person_id = ANY($1)`, [personIds]);
  return new Map(rows.map((row) => [row.personId, row]));
}
