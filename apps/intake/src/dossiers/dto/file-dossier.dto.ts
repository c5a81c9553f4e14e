import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CHANNELS } from '@onestop/contracts';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsEmail,
  IsIn,
  IsInt,
  IsObject,
  IsString,
  Length,
  Matches,
  Max,
  Min,
  Validate,
  ValidateNested,
} from 'class-validator';
import { IsCitizenIdNumber } from './citizen-id-number.validator';
import { IsOmittable, IsUnitCode } from '@onestop/platform';

export class AddressDto {
  @ApiProperty({ example: '12 Lê Lợi' })
  @IsString()
  @Length(1, 300)
  line!: string;

  @ApiProperty({ example: '19774', description: 'the commune or ward where the applicant lives' })
  @IsString()
  @IsUnitCode()
  communeCode!: string;
}

export class ApplicantDto {
  @ApiProperty({ example: 'Nguyễn Văn An' })
  @IsString()
  @Length(1, 200)
  name!: string;

  @ApiProperty({
    example: '046095001234',
    description: '12-digit citizen identity number; encrypted at rest, never logged',
  })
  @IsString()
  @Validate(IsCitizenIdNumber)
  citizenId!: string;

  @ApiProperty({ example: '0912345678' })
  @IsString()
  @Matches(/^(0|\+84)[35789]\d{8}$/, { message: 'must be a Vietnamese mobile number such as 0912345678' })
  phone!: string;

  @ApiPropertyOptional({ example: 'an@example.vn' })
  @IsOmittable()
  @IsEmail()
  @Length(3, 254)
  email?: string;

  @ApiProperty({ type: AddressDto })
  @IsObject()
  @ValidateNested()
  @Type(() => AddressDto)
  address!: AddressDto;
}

export class DocumentDto {
  @ApiProperty({ example: 'birth-notice', description: 'a document type of the procedure' })
  @IsString()
  @Matches(/^[a-z0-9-]{2,64}$/, { message: 'must be a document type code such as birth-notice' })
  type!: string;

  @ApiProperty({ example: 'giay-chung-sinh.pdf' })
  @IsString()
  @Length(1, 255)
  fileName!: string;

  @ApiProperty({ example: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855' })
  @IsString()
  @Matches(/^[0-9a-f]{64}$/, { message: 'must be a SHA-256 digest in lower-case hex' })
  sha256!: string;

  @ApiProperty({ example: 183204, description: 'bytes, up to 50 MB' })
  @IsInt()
  @Min(1)
  @Max(50 * 1024 * 1024)
  size!: number;
}

export class AcceptIncompleteDto {
  @ApiProperty({ example: 'Người dân cam kết bổ sung bản chính khi nhận kết quả' })
  @IsString()
  @Length(5, 500)
  reason!: string;
}

export class FileDossierDto {
  @ApiProperty({ example: 'HT-KHAISINH' })
  @IsString()
  @Matches(/^[A-Z0-9.-]{3,32}$/, { message: 'must be a procedure code such as HT-KHAISINH' })
  procedureCode!: string;

  @ApiProperty({
    example: '19753',
    description: 'the commune centre, service point or department desk receiving it: any in the province',
  })
  @IsString()
  @IsUnitCode()
  receivingUnitCode!: string;

  @ApiProperty({ enum: CHANNELS })
  @IsIn(CHANNELS)
  channel!: (typeof CHANNELS)[number];

  @ApiProperty({ type: ApplicantDto })
  @IsObject()
  @ValidateNested()
  @Type(() => ApplicantDto)
  applicant!: ApplicantDto;

  @ApiPropertyOptional({
    example: '19774',
    description: "the commune the matter concerns (e.g. where the land lies); the applicant's by default",
  })
  @IsOmittable()
  @IsString()
  @IsUnitCode()
  subjectCommuneCode?: string;

  @ApiProperty({ type: [DocumentDto] })
  @IsArray()
  @ArrayMaxSize(50)
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => DocumentDto)
  documents!: DocumentDto[];

  @ApiPropertyOptional({
    type: AcceptIncompleteDto,
    description: 'a desk officer accepts a dossier that lacks required documents',
  })
  @IsOmittable()
  @IsObject()
  @ValidateNested()
  @Type(() => AcceptIncompleteDto)
  acceptIncomplete?: AcceptIncompleteDto;
}
