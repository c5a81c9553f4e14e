import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOmittable } from '@onestop/platform';
import { Type } from 'class-transformer';
import { IsObject, IsString, Length, Matches, ValidateNested } from 'class-validator';

export class TemplateDto {
  @ApiPropertyOptional({ example: 'Đã tiếp nhận hồ sơ {{code}}' })
  @IsOmittable()
  @IsString()
  @Length(1, 300)
  subject?: string;

  @ApiProperty({ example: 'Hồ sơ {{code}}, hẹn trả {{appointmentDate}}' })
  @IsString()
  @Length(1, 5_000)
  body!: string;
}

export class PreviewDto {
  @ApiPropertyOptional({ description: 'a draft to preview instead of the current version' })
  @IsOmittable()
  @ValidateNested()
  @Type(() => TemplateDto)
  draft?: TemplateDto;

  @ApiPropertyOptional({ description: 'placeholder values; sample values fill the rest' })
  @IsOmittable()
  @IsObject()
  values?: Record<string, string>;
}

export class TemplateScopeQueryDto {
  @ApiPropertyOptional({
    description: "the province whose templates these are; the caller's own (the only one allowed) when left out",
    example: '46',
  })
  @IsOmittable()
  @Matches(/^[0-9]{2}$/, { message: 'must be a province code such as 46' })
  province?: string;
}
