import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsNumber, IsPositive, IsString, Length, Max } from 'class-validator';
import { IsLocalDate, IsOmittable, IsUnitCode } from '@onestop/platform';

/** Indicator values: up to four decimals (percentages, ratios), below a bound that keeps sums exact. */
export const VALUE_FORMAT = { allowNaN: false, allowInfinity: false, maxDecimalPlaces: 4 };
export const MAX_VALUE = 1e12;

export class AssignTaskDto {
  @ApiProperty({ example: 'Số hoá hồ sơ thủ tục hành chính quý I' })
  @IsString()
  @Length(3, 300)
  title!: string;

  @ApiProperty({ example: 'Số hoá 100% hồ sơ tiếp nhận tại Trung tâm phục vụ hành chính công xã' })
  @IsString()
  @Length(1, 5000)
  description!: string;

  @ApiProperty({ example: 'Tỷ lệ hồ sơ được số hoá' })
  @IsString()
  @Length(1, 300)
  indicator!: string;

  @ApiProperty({ example: '%', description: "the indicator's unit, e.g. % or hồ sơ" })
  @IsString()
  @Length(1, 50)
  indicatorUnit!: string;

  @ApiProperty({ example: 100, description: 'the level each commune must reach; above 0' })
  @IsNumber(VALUE_FORMAT)
  @IsPositive()
  @Max(MAX_VALUE)
  targetValue!: number;

  @ApiProperty({ example: '2026-03-31', description: 'the last day (Vietnam time); not before today' })
  @IsLocalDate()
  dueDate!: string;

  @ApiPropertyOptional({
    example: '2026-03-01',
    description: 'when the communes’ time starts; the assignment by default; not after dueDate',
  })
  @IsOmittable()
  @IsLocalDate()
  startsOn?: string;

  @ApiProperty({ example: ['19753', '19774'], description: 'communes of your province, each once' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(1000)
  @IsString({ each: true })
  @IsUnitCode({ each: true })
  communeCodes!: string[];
}
