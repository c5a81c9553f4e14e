import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { RESULT_CHANNELS } from '@onestop/contracts';
import { IsIn, IsInt, IsString, Length, Min, ValidateIf } from 'class-validator';
import { Action, ACTIONS } from '../../workflow/dossier-workflow';
import { IsOmittable, IsUnitCode } from '@onestop/platform';

export class DossierActionDto {
  @ApiProperty({ enum: ACTIONS })
  @IsIn(ACTIONS)
  action!: Action;

  @ApiProperty({ description: 'the version last read; a stale one is refused (409)', example: 3 })
  @IsInt()
  @Min(1)
  version!: number;

  @ApiPropertyOptional({
    description: 'required by request-supplement, request-fees, reject, stop, transfer, withdraw',
  })
  @IsOmittable()
  @IsString()
  @Length(3, 1000)
  reason?: string;

  @ApiPropertyOptional({ description: 'transfer: the unit that takes the dossier over', example: '46.STP' })
  @ValidateIf((dto: DossierActionDto) => dto.action === 'transfer')
  @IsString()
  @IsUnitCode()
  targetUnitCode?: string;

  @ApiPropertyOptional({ enum: RESULT_CHANNELS, description: 'return-result: how the result reached the citizen' })
  @ValidateIf((dto: DossierActionDto) => dto.action === 'return-result')
  @IsIn(RESULT_CHANNELS)
  resultChannel?: (typeof RESULT_CHANNELS)[number];
}
