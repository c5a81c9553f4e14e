import { IsOmittable } from '@onestop/platform';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';
import { SignDto } from './sign.dto';

export class PrepareDto extends SignDto {
  @ApiPropertyOptional({ description: "a dossier's signature request awaiting the caller's device signature" })
  @IsOmittable()
  @IsUUID(undefined, { message: 'must be a signature request id' })
  requestId?: string;
}
