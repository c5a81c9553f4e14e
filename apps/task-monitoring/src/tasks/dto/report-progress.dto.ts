import { IsOmittable } from '@onestop/platform';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsNumber,
  IsObject,
  IsString,
  isURL,
  Length,
  Matches,
  Max,
  Min,
  Validate,
  ValidateNested,
  ValidatorConstraint,
  ValidatorConstraintInterface,
} from 'class-validator';
import { MAX_VALUE, VALUE_FORMAT } from './assign-task.dto';

/** A key of the document store: path segments of letters, digits, dot, dash and underscore; no `..`. */
const STORAGE_KEY = /^(?!.*\.\.)[A-Za-z0-9_-][A-Za-z0-9._\-/]{0,1023}$/;

@ValidatorConstraint({ name: 'evidenceReference' })
export class IsEvidenceReference implements ValidatorConstraintInterface {
  validate(value: unknown): boolean {
    if (typeof value !== 'string' || value.length > 2000) return false;
    return isURL(value, { protocols: ['https', 'http'], require_protocol: true }) || STORAGE_KEY.test(value);
  }

  defaultMessage(): string {
    return 'must be an http(s) URL or a storage key such as tasks/2026/bao-cao.pdf';
  }
}

export class EvidenceDto {
  @ApiProperty({ example: 'Báo cáo số hoá tháng 3.pdf' })
  @IsString()
  @Length(1, 255)
  name!: string;

  @ApiProperty({
    example: 'tasks/2026/03/bao-cao-so-hoa.pdf',
    description: 'an http(s) URL or a key of the document store',
  })
  @IsString()
  @Validate(IsEvidenceReference)
  ref!: string;

  @ApiPropertyOptional({ example: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855' })
  @IsOmittable()
  @Matches(/^[0-9a-f]{64}$/, { message: 'must be a SHA-256 digest in lower-case hex' })
  sha256?: string;
}

export class ReportProgressDto {
  @ApiProperty({
    example: 45,
    description: "the indicator's level reached so far (not an increment); a later report replaces it",
  })
  @IsNumber(VALUE_FORMAT)
  @Min(0)
  @Max(MAX_VALUE)
  value!: number;

  @ApiPropertyOptional({ example: 'Đã số hoá 450/1000 hồ sơ' })
  @IsOmittable()
  @IsString()
  @Length(1, 2000)
  comment?: string;

  @ApiPropertyOptional({ type: [EvidenceDto], description: 'up to 20 references to evidence files' })
  @IsOmittable()
  @IsArray()
  @ArrayMaxSize(20)
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => EvidenceDto)
  evidence?: EvidenceDto[];
}
