import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { FieldProblem } from '@onestop/contracts';

class FieldProblemSchema implements FieldProblem {
  @ApiProperty({ description: 'the path of the field in the request', example: 'applicant.citizenId' })
  field!: string;

  @ApiProperty({ example: 'must be 12 digits' })
  message!: string;
}

/** RFC 9457 problem details, as every error is answered (named `Problem` in the documents). */
export class Problem {
  @ApiProperty({ example: 'https://onestop.gov.vn/problems/invalid-request' })
  type!: string;

  @ApiProperty({ example: 'Invalid request' })
  title!: string;

  @ApiProperty({ example: 400 })
  status!: number;

  @ApiPropertyOptional()
  detail?: string;

  @ApiPropertyOptional({ description: 'the path of the request' })
  instance?: string;

  @ApiPropertyOptional({ type: [FieldProblemSchema], description: 'the fields that were wrong' })
  errors?: FieldProblem[];
}
