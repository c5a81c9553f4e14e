import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';

export class LockKeyDto {
  @ApiProperty({ example: 'USB token reported lost' })
  @IsString()
  @Length(3, 500)
  reason!: string;
}
