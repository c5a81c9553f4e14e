import { ApiProperty } from '@nestjs/swagger';

class HistoryEntryDto {
  @ApiProperty({ format: 'date-time' })
  at!: string;

  @ApiProperty()
  actorId!: string;

  @ApiProperty({ type: [String] })
  actorRoles!: string[];

  @ApiProperty({ type: String, nullable: true })
  actorUnitCode!: string | null;

  @ApiProperty()
  action!: string;

  @ApiProperty({ type: Number, nullable: true })
  fromStatus!: number | null;

  @ApiProperty()
  toStatus!: number;

  @ApiProperty({ type: String, nullable: true })
  fromState!: string | null;

  @ApiProperty()
  toState!: string;

  @ApiProperty({ type: String, nullable: true })
  reason!: string | null;

  @ApiProperty({ type: 'object', additionalProperties: true, nullable: true })
  details!: Record<string, unknown> | null;
}

export class DossierHistoryDto {
  @ApiProperty({ type: [HistoryEntryDto] })
  items!: HistoryEntryDto[];
}
