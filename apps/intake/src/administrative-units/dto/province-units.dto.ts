import { ApiProperty } from '@nestjs/swagger';
import { IsString, Matches } from 'class-validator';

export const PROVINCE_CODE_PATTERN = /^\d{2}$/;

export class ProvinceUnitsQueryDto {
  @ApiProperty({ example: '46', description: "the province's two-digit code" })
  @IsString()
  @Matches(PROVINCE_CODE_PATTERN, { message: 'must be a two-digit province code such as 46' })
  province!: string;
}

/** What the reference data calls a commune-level unit, as a stable code; null for a kind it does not know. */
export const COMMUNE_KINDS = ['ward', 'commune', 'special-zone'] as const;
export type CommuneKind = (typeof COMMUNE_KINDS)[number];

export class ProvinceDto {
  @ApiProperty({ example: '46' })
  code!: string;

  @ApiProperty({ example: 'Thành phố Huế' })
  name!: string;

  @ApiProperty({ example: 'Hue City' })
  nameEn!: string;
}

export class CommuneDto {
  @ApiProperty({ example: '19753' })
  code!: string;

  @ApiProperty({ example: 'Phường Phú Xuân' })
  name!: string;

  @ApiProperty({ example: 'Phu Xuan Ward' })
  nameEn!: string;

  @ApiProperty({
    enum: COMMUNE_KINDS,
    nullable: true,
    description: 'ward, commune or special administrative zone; null where the reference data does not say',
  })
  kind!: CommuneKind | null;
}

export class ServicePointDto {
  @ApiProperty({ example: '19753.BD1' })
  code!: string;

  @ApiProperty({ example: 'Điểm phục vụ Bưu điện Phú Xuân' })
  name!: string;

  @ApiProperty({ example: 'Phu Xuan post office service point' })
  nameEn!: string;

  @ApiProperty({ example: '19753', description: 'the commune or ward the service point receives dossiers for' })
  parentCode!: string;
}

export class ProvinceUnitsDto {
  @ApiProperty({ type: ProvinceDto })
  province!: ProvinceDto;

  @ApiProperty({
    type: [CommuneDto],
    description: 'the communes, wards and special zones in force today, in the order of their official codes',
  })
  communes!: CommuneDto[];

  @ApiProperty({
    type: [ServicePointDto],
    description: 'the service points open today that receive dossiers for those communes',
  })
  servicePoints!: ServicePointDto[];
}
