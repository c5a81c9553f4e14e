import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { FieldProblem } from '@onestop/contracts';

class FieldProblemSchema implements FieldProblem {
  @ApiProperty({ description: 'the path of the field in the request', example: 'applicant.citizenId' })
  field!: string;

  @ApiProperty({
    example: 'maxLength',
    description:
      'a stable identifier of what is wrong, for the client to put in its own words: the failed constraint (isNotEmpty, isString, isInt, matches, ' +
      'minLength, maxLength, isLength, min, max, isIn, isEnum, isDateString, isEmail, isUuid, arrayMinSize, arrayMaxSize, whitelistValidation...) ' +
      "or a service's own check (unknownReference, notInForce, otherProvince, notOwnUnit, notOwnProvince, notYours, notAllowed, alreadyUsed, duplicate, " +
      'minDate, maxDate, workingDay, invalidFormat, invalidCursor, invalidPeriod, containsNul, maxDepth...); docs/operations.md lists them',
  })
  code!: string;

  @ApiProperty({
    example: 'must be shorter than or equal to 200 characters',
    description: 'the same in an English sentence',
  })
  message!: string;

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: true,
    example: { max: 200 },
    description: "the constraint's values the sentence needs: `max`, `min`, `allowed`, `pattern`, `provinceCode`...",
  })
  params?: Record<string, unknown>;
}

/** RFC 9457 problem details, as every error is answered (named `Problem` in the documents). */
export class Problem {
  @ApiProperty({
    example: 'https://onestop.gov.vn/problems/bad-request/validation',
    description: 'a stable slug under https://onestop.gov.vn/problems/; docs/operations.md lists them',
  })
  type!: string;

  @ApiProperty({ example: 'The request is not valid' })
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
