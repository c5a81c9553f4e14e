import { ApiProperty } from '@nestjs/swagger';
import { LOCALES } from '../../domain/notification-kinds';

class ChannelsDto {
  @ApiProperty()
  email!: boolean;

  @ApiProperty()
  sms!: boolean;

  @ApiProperty()
  zalo!: boolean;

  @ApiProperty()
  inbox!: boolean;
}

/** The caller's preferences, the defaults filled in. */
export class PreferencesViewDto {
  @ApiProperty({ type: ChannelsDto })
  channels!: ChannelsDto;

  @ApiProperty({ enum: LOCALES })
  locale!: string;

  @ApiProperty({ type: String, nullable: true })
  email!: string | null;

  @ApiProperty({ type: String, nullable: true })
  phone!: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'null until first changed' })
  updatedAt!: string | null;
}
