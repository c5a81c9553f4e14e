import { ApiPropertyOptional } from '@nestjs/swagger';
import { IdCursorPageQueryDto, IsOmittable } from '@onestop/platform';
import { IsIn, Matches } from 'class-validator';
import { CHANNELS } from '../../domain/notification-kinds';
import { DELIVERY_STATES } from '../delivery-state';

export class DeliveriesQueryDto extends IdCursorPageQueryDto {
  @ApiPropertyOptional({ example: '19753-261124-0001' })
  @IsOmittable()
  @Matches(/^[0-9A-Z.]{2,20}-\d{6}-\d{4}$/, { message: 'must be a dossier code such as 19753-261124-0001' })
  dossierCode?: string;

  @ApiPropertyOptional({ enum: DELIVERY_STATES })
  @IsOmittable()
  @IsIn(DELIVERY_STATES)
  state?: string;

  @ApiPropertyOptional({ enum: CHANNELS })
  @IsOmittable()
  @IsIn(CHANNELS)
  channel?: string;
}
