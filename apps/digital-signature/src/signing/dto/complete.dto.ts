import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray } from 'class-validator';
import { IsBase64 } from './is-base64';

export class CompleteDto {
  @ApiProperty({ description: 'the signature value over hashes[0], base64 (CSC signHash output)', type: [String] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(1)
  @IsBase64({ each: true, message: 'each must be a signature value in base64' })
  signatures!: string[];
}
