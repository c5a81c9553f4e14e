import { Column, Entity, PrimaryColumn } from 'typeorm';
import { Locale } from '../domain/notification-kinds';
import { ChannelSwitches } from './channel-plan';

/** A person's choices: channels on or off, language, and (for officers) where to reach them. */
@Entity({ name: 'preferences' })
export class PreferenceEntity {
  @PrimaryColumn('text', { name: 'person_id' })
  personId: string;

  @Column('jsonb')
  channels: ChannelSwitches;

  @Column('text')
  locale: Locale;

  @Column('text', { nullable: true })
  email: string | null;

  @Column('text', { nullable: true })
  phone: string | null;

  @Column('timestamptz', { name: 'updated_at' })
  updatedAt: Date;
}
