import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';

export class CallNextDto {
  @ApiProperty({
    description: 'The desk the citizen should go to, as the screen shows it.',
    minLength: 1,
    maxLength: 16,
    example: 'Quầy 3',
  })
  @IsString()
  @Length(1, 16)
  counter: string;
}
