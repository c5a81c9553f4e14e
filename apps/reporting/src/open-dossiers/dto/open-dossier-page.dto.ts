import { ApiProperty } from '@nestjs/swagger';
import { DOSSIER_ACTIONS, DOSSIER_STATUS } from '@onestop/contracts';
import { OPEN_DOSSIER_STATES } from './open-dossiers-query.dto';
import { DATA_AS_OF } from '../../read-model/data-as-of.property';

/** One open dossier as a leader drills down to it: where it stands, nothing about the applicant. */
export class OpenDossierDto {
  @ApiProperty({ format: 'uuid' })
  dossierId!: string;

  @ApiProperty({ example: '19753-261124-0001' })
  code!: string;

  @ApiProperty({ example: 'HT-KHAISINH' })
  procedureCode!: string;

  @ApiProperty({ example: '19753' })
  unitCode!: string;

  @ApiProperty({
    enum: Object.values(DOSSIER_STATUS),
    description:
      'the current step as a national status code (2 received, 4 processing, 5 waiting for a supplement, 6 fees due)',
    example: 4,
  })
  status!: number;

  @ApiProperty({
    enum: DOSSIER_ACTIONS,
    nullable: true,
    type: String,
    description:
      'the last processing action, which says where in processing it is (accept: being processed, approve/reject: at signature); null before any',
    example: 'accept',
  })
  lastAction!: string | null;

  @ApiProperty({
    type: String,
    nullable: true,
    description: 'the officer holding it (an account id, no name); null while nobody is assigned',
    example: 'b1c2d3e4-officer',
  })
  assigneeId!: string | null;

  @ApiProperty({ format: 'date-time', example: '2026-11-24T02:00:00.000Z' })
  receivedAt!: string;

  @ApiProperty({ format: 'date-time', example: '2026-11-27T10:00:00.000Z' })
  dueAt!: string;

  @ApiProperty({ enum: OPEN_DOSSIER_STATES })
  state!: string;

  @ApiProperty({
    description:
      'working hours past the deadline on the province calendar (late), or left before it, negative (due-soon); rounded to a tenth',
    example: 12.5,
  })
  overdueWorkingHours!: number;
}

export class OpenDossierPageDto {
  @ApiProperty({ type: [OpenDossierDto] })
  items!: OpenDossierDto[];

  @ApiProperty({ type: String, nullable: true, description: 'the cursor of the next page; null on the last' })
  nextCursor!: string | null;

  @ApiProperty(DATA_AS_OF)
  dataAsOf!: string | null;

  @ApiProperty({ format: 'date-time', description: 'the instant late and due soon were judged at' })
  asOf!: string;
}
