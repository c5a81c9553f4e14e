import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsString, Length, ValidateIf } from 'class-validator';

/** A desk officer's check of an online filing: receive it (2) or refuse it with reasons (3). */
export class IntakeDecisionDto {
  @ApiProperty({ enum: ['receive', 'refuse'] })
  @IsIn(['receive', 'refuse'])
  decision!: 'receive' | 'refuse';

  @ApiPropertyOptional({ description: 'required to refuse, or to receive a dossier that lacks required documents' })
  @ValidateIf((dto: IntakeDecisionDto) => dto.decision === 'refuse' || dto.reason !== undefined)
  @IsString()
  @Length(5, 500)
  reason?: string;
}

export class StatusLookupQueryDto {
  @ApiProperty({ example: '5678', description: 'the last four digits of the phone number given at filing' })
  @IsString()
  @Length(4, 4)
  phone!: string;
}

export class WithdrawalDto {
  @ApiProperty({ example: 'Nộp nhầm thủ tục', description: "the applicant's reason, kept in the dossier" })
  @IsString()
  @Length(5, 500)
  reason!: string;
}
