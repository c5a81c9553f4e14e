import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOmittable } from '@onestop/platform';
import { Type } from 'class-transformer';
import { IsBoolean, IsEmail, IsIn, IsOptional, Matches, ValidateNested } from 'class-validator';
import { LOCALES, Locale } from '../../domain/notification-kinds';

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

  @ApiPropertyOptional({
    description: 'where e-mail reaches you (officers; citizens: instead of the one on the dossier)',
    nullable: true,
  })
  @IsOptional()
  @IsEmail({}, { message: 'must be an e-mail address' })
  email?: string | null;

  @ApiPropertyOptional({
    description: 'a Vietnamese mobile number for SMS and Zalo',
    example: '0912345678',
    nullable: true,
  })
  @IsOptional()
  @Matches(/^(0|\+84)\d{9}$/, { message: 'must be a Vietnamese mobile number such as 0912345678' })
  phone?: string | null;
}
