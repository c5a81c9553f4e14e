import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOmittable } from '@onestop/platform';
import { IsIn, IsString, Length } from 'class-validator';

export class DeliveryReportDto {
  @ApiProperty({ description: "the gateway's message id, as it answered when it took the message" })
  @IsString()
  @Length(1, 200)
  reference!: string;

  @ApiProperty({ enum: ['delivered', 'failed'] })
  @IsIn(['delivered', 'failed'])
  status!: 'delivered' | 'failed';

  @ApiPropertyOptional({ example: 'handset unreachable for 48 h' })
  @IsOmittable()
  @IsString()
  @Length(1, 500)
  reason?: string;
}
