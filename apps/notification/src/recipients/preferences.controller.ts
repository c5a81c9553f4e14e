import { Body, Controller, Get, Put } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Clock, CurrentPrincipal, IsOmittable, Principal } from '@onestop/platform';
import { Type } from 'class-transformer';
import { IsBoolean, IsEmail, IsIn, IsOptional, Matches, ValidateNested } from 'class-validator';
import { DataSource } from 'typeorm';
import { LOCALES, Locale } from '../domain/notification-kinds';
import { DEFAULT_SWITCHES } from './channel-plan';
import { PREFERENCE_COLUMNS, Preferences, preferencesOf } from './preferences';
import { PreferencesViewDto } from './preferences.response';

export class ChannelSwitchesDto {
  @ApiPropertyOptional() @IsOmittable() @IsBoolean() email?: boolean;
  @ApiPropertyOptional() @IsOmittable() @IsBoolean() sms?: boolean;
  @ApiPropertyOptional() @IsOmittable() @IsBoolean() zalo?: boolean;
  @ApiPropertyOptional() @IsOmittable() @IsBoolean() inbox?: boolean;
}

export class PreferencesDto {
  @ApiPropertyOptional({ description: 'channels switched on or off; legal notices still reach you on one channel' })
  @IsOmittable()
  @ValidateNested()
  @Type(() => ChannelSwitchesDto)
  channels?: ChannelSwitchesDto;

  @ApiPropertyOptional({ enum: LOCALES })
  @IsOmittable()
  @IsIn(LOCALES)
  locale?: Locale;

  @ApiPropertyOptional({ description: 'where e-mail reaches you (officers; citizens: instead of the one on the dossier)', nullable: true })
  @IsOptional()
  @IsEmail({}, { message: 'must be an e-mail address' })
  email?: string | null;

  @ApiPropertyOptional({ description: 'a Vietnamese mobile number for SMS and Zalo', example: '0912345678', nullable: true })
  @IsOptional()
  @Matches(/^(0|\+84)\d{9}$/, { message: 'must be a Vietnamese mobile number such as 0912345678' })
  phone?: string | null;
}

/** Each person's own notification settings; nobody reads or changes another's. */
@ApiTags('preferences')
@Controller('api/v1/preferences')
export class PreferencesController {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  @Get('me')
  @ApiOperation({ summary: "The caller's channels, language and contact (defaults until changed)" })
  @ApiOkResponse({ type: PreferencesViewDto })
  async mine(@CurrentPrincipal() principal: Principal) {
    const stored = (await preferencesOf(this.dataSource.manager, [principal.subject])).get(principal.subject);
    return view(stored ?? null);
  }

  @Put('me')
  @ApiOperation({ summary: 'Change channels, language or contact; fields left out stay as they are' })
  @ApiOkResponse({ type: PreferencesViewDto })
  async change(@Body() body: PreferencesDto, @CurrentPrincipal() principal: Principal) {
    const rows: Preferences[] = await this.dataSource.query(
      `INSERT INTO preferences (person_id, channels, locale, email, phone, updated_at)
       VALUES ($1, $2::jsonb, COALESCE($3, 'vi'), $4, $5, $6)
       ON CONFLICT (person_id) DO UPDATE SET
         channels = preferences.channels || EXCLUDED.channels,
         locale = COALESCE($3, preferences.locale),
         email = CASE WHEN $7 THEN EXCLUDED.email ELSE preferences.email END,
         phone = CASE WHEN $8 THEN EXCLUDED.phone ELSE preferences.phone END,
         updated_at = EXCLUDED.updated_at
       RETURNING ${PREFERENCE_COLUMNS}`,
      [principal.subject, JSON.stringify(body.channels ?? {}), body.locale ?? null, body.email ?? null, body.phone ?? null, this.clock.now(), body.email !== undefined, body.phone !== undefined],
    );
    return view(rows[0]);
  }
}

function view(preferences: Preferences | null) {
  return {
    channels: { ...DEFAULT_SWITCHES, ...preferences?.channels },
    locale: preferences?.locale ?? 'vi',
    email: preferences?.email ?? null,
    phone: preferences?.phone ?? null,
    updatedAt: preferences?.updatedAt ?? null,
  };
}
