import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOmittable } from '@onestop/platform';
import { Matches } from 'class-validator';

const PROVINCE_CODE = /^\d{2}$/;

export class CalendarQueryDto {
  @ApiPropertyOptional({
    example: '46',
    description: "a province's code: its effective calendar (a signed-in caller's own province by default)",
  })
  @IsOmittable()
  @Matches(PROVINCE_CODE, { message: 'must be a two-digit province code' })
  province?: string;
}

export class CalendarCorrectionQueryDto {
  @ApiPropertyOptional({
    example: '46',
    description: "if given, the administrator's own province: no one corrects another province's calendar",
  })
  @IsOmittable()
  @Matches(PROVINCE_CODE, { message: 'must be a two-digit province code' })
  province?: string;
}
