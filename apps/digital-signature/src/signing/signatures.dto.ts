import { IsOmittable } from '@onestop/platform';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsString, IsUUID, Length, ValidateBy, ValidationOptions } from 'class-validator';

/**
 * Canonical base64, checked by decoding and encoding again in native code: a regular expression over
 * a PDF's 130 KB of base64 costs more than a millisecond on every request.
 */
function IsBase64(options: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    { name: 'isBase64', validator: { validate: (value: unknown) => typeof value === 'string' && value.length > 0 && Buffer.from(value, 'base64').toString('base64') === value } },
    options,
  );
}

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

export class PrepareDto extends SignDto {
  @ApiPropertyOptional({ description: "a dossier's signature request awaiting the caller's device signature" })
  @IsOmittable()
  @IsUUID(undefined, { message: 'must be a signature request id' })
  requestId?: string;
}

export class CompleteDto {
  @ApiProperty({ description: 'the signature value over hashes[0], base64 (CSC signHash output)', type: [String] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(1)
  @IsBase64({ each: true, message: 'each must be a signature value in base64' })
  signatures!: string[];
}
