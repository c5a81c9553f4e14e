import { ArgumentMetadata, HttpException } from '@nestjs/common';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsDateString,
  IsEnum,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsString,
  Length,
  Matches,
  MaxLength,
  Min,
  Validate,
  ValidateNested,
  ValidatorConstraint,
  ValidatorConstraintInterface,
} from 'class-validator';
import { createValidationPipe } from './validation';

enum Channel {
  Counter = 'counter',
  Postal = 'postal',
}

@ValidatorConstraint({ name: 'evenNumber' })
class IsEven implements ValidatorConstraintInterface {
  validate(value: unknown): boolean {
    return typeof value === 'number' && value % 2 === 0;
  }
  defaultMessage(): string {
    return 'must be even';
  }
}

class AddressDto {
  @IsString()
  @MaxLength(200)
  line!: string;
}

class SampleDto {
  @IsString()
  @IsNotEmpty()
  name!: string;

  @Matches(/^\d{5}$/, { message: 'must be a five-digit commune code' })
  communeCode!: string;

  @IsIn(['online', 'counter'])
  channel!: string;

  @IsEnum(Channel)
  resultChannel!: Channel;

  @IsInt()
  @Min(1)
  copies!: number;

  @Length(5, 500)
  reason!: string;

  @IsDateString()
  dueDate!: string;

  @ArrayMaxSize(2)
  tags!: string[];

  @Validate(IsEven)
  pages!: number;

  @ValidateNested()
  @Type(() => AddressDto)
  address!: AddressDto;
}

const valid = {
  name: 'Lê Thị Hoa',
  communeCode: '19753',
  channel: 'counter',
  resultChannel: 'postal',
  copies: 2,
  reason: 'Người dân bổ sung sau',
  dueDate: '2026-11-27',
  tags: ['a'],
  pages: 4,
  address: { line: '12 Lê Lợi' },
};

const metadata: ArgumentMetadata = { type: 'body', metatype: SampleDto };

/** The field problems a body gets back from the platform's validation pipe. */
async function problemsOf(body: object): Promise<unknown[]> {
  try {
    await createValidationPipe().transform(body, metadata);
  } catch (error) {
    return ((error as HttpException).getResponse() as { errors: unknown[] }).errors;
  }
  throw new Error('the body was valid');
}

describe('field problems of the validation pipe', () => {
  it('names the failed constraint as a stable code, with the values a client needs to phrase it', async () => {
    const problems = await problemsOf({
      ...valid,
      name: '',
      communeCode: '1975',
      channel: 'email',
      resultChannel: 'pigeon',
      copies: 0,
      reason: 'x',
      dueDate: '27/11/2026',
      tags: ['a', 'b', 'c'],
      pages: 3,
      address: { line: 'x'.repeat(201) },
    });
    expect(problems).toEqual(
      expect.arrayContaining([
        { field: 'name', code: 'isNotEmpty', message: 'should not be empty' },
        {
          field: 'communeCode',
          code: 'matches',
          message: 'must be a five-digit commune code',
          params: { pattern: '^\\d{5}$' },
        },
        { field: 'channel', code: 'isIn', message: expect.any(String), params: { allowed: ['online', 'counter'] } },
        {
          field: 'resultChannel',
          code: 'isEnum',
          message: expect.any(String),
          params: { allowed: ['counter', 'postal'] },
        },
        { field: 'copies', code: 'min', message: expect.any(String), params: { min: 1 } },
        { field: 'reason', code: 'isLength', message: expect.any(String), params: { min: 5, max: 500 } },
        { field: 'dueDate', code: 'isDateString', message: expect.any(String) },
        { field: 'tags', code: 'arrayMaxSize', message: expect.any(String), params: { max: 2 } },
        { field: 'pages', code: 'evenNumber', message: 'must be even' },
        { field: 'address.line', code: 'maxLength', message: expect.any(String), params: { max: 200 } },
      ]),
    );
    expect(problems).toHaveLength(10);
  });

  it('reports a field the operation does not take, and a missing one, by code', async () => {
    const { name: _name, ...withoutName } = valid;
    const problems = await problemsOf({ ...withoutName, nickname: 'Hoa' });
    expect(problems).toEqual(
      expect.arrayContaining([
        { field: 'nickname', code: 'whitelistValidation', message: expect.stringContaining('should not exist') },
        { field: 'name', code: 'isString', message: expect.any(String) },
        { field: 'name', code: 'isNotEmpty', message: expect.any(String) },
      ]),
    );
  });

  it('never answers the rejected value or the object it came in', async () => {
    const problems = await problemsOf({ ...valid, communeCode: 'secret-0912345678' });
    expect(JSON.stringify(problems)).not.toContain('0912345678');
    expect(problems).toEqual([
      { field: 'communeCode', code: 'matches', message: expect.any(String), params: expect.any(Object) },
    ]);
  });
});
