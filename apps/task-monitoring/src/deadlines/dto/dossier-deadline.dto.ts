import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { DEADLINE_STANDINGS } from '../deadline-standing';

/** One dossier's deadline in working time, as of `computedAt`. */
export class DossierDeadlineDto {
  @ApiProperty({ format: 'uuid' })
  dossierId!: string;

  @ApiProperty({ example: '19753-260901-0001' })
  code!: string;

  @ApiProperty({
    enum: DEADLINE_STANDINGS,
    description:
      'due-soon within the warning time before the deadline; paused while the dossier waits on the citizen; closed once it has its result or has ended',
  })
  state!: string;

  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description:
      'the deadline; while paused, the one the dossier would have if the citizen answered now; null once closed',
    example: '2026-09-08T02:00:00.000Z',
  })
  dueAt!: string | null;

  @ApiProperty({
    type: Number,
    nullable: true,
    description:
      'working minutes to the deadline on the working calendar, negative once overdue; while paused, the working time the pause keeps; null once closed',
    example: 570,
  })
  workingMinutesLeft!: number | null;

  @ApiProperty({ description: 'the clock stands still while the dossier waits on the citizen (a supplement or fees)' })
  paused!: boolean;

  @ApiPropertyOptional({ format: 'date-time', description: "the current step's own deadline, while the clock runs" })
  stepDueAt?: string;

  @ApiProperty({ format: 'date-time', description: "the service's time the standing was computed at" })
  computedAt!: string;
}
