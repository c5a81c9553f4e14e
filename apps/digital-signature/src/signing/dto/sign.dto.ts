import { IsOmittable } from '@onestop/platform';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsString, IsUUID, Length } from 'class-validator';
import { IsBase64 } from './is-base64';

export class SignDto {
  @ApiPropertyOptional({ description: 'the PDF to sign, base64 (or documentId)' })
  @IsOmittable()
  @IsBase64({ message: 'must be the PDF in base64' })
  document?: string;

  @ApiPropertyOptional({ description: 'a document kept here: a result, or a signed one to add a signature to' })
  @IsOmittable()
  @IsUUID(undefined, { message: 'must be a document id' })
  documentId?: string;

  @ApiProperty()
  @IsUUID(undefined, { message: 'must be a certificate id' })
  certificateId!: string;

  @ApiPropertyOptional({ enum: ['B-B', 'B-T'], default: 'B-T' })
  @IsOmittable()
  @IsIn(['B-B', 'B-T'])
  level?: 'B-B' | 'B-T';

  @ApiPropertyOptional({ example: 'Phê duyệt kết quả' })
  @IsOmittable()
  @IsString()
  @Length(1, 200)
  reason?: string;

  @ApiPropertyOptional({ example: 'UBND phường Kim Long' })
  @IsOmittable()
  @IsString()
  @Length(1, 200)
  location?: string;
}
