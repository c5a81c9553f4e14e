import { ApiProperty } from '@nestjs/swagger';
import { UNIT_ROLES } from '@onestop/contracts';
import { ArrayMaxSize, ArrayMinSize, IsBoolean, IsIn } from 'class-validator';

export class OfficerDto {
  /** Roles within the unit only: the registry shares out dossiers; province roles come from the identity provider, never from here. */
  @ApiProperty({ enum: UNIT_ROLES, isArray: true })
  @ArrayMinSize(1)
  @ArrayMaxSize(UNIT_ROLES.length)
  @IsIn(UNIT_ROLES, { each: true, message: `each must be a role within a unit: ${UNIT_ROLES.join(', ')}` })
  roles!: (typeof UNIT_ROLES)[number][];

  @ApiProperty()
  @IsBoolean()
  active!: boolean;
}
