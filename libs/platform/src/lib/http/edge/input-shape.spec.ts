import { inputShapeProblem, MAX_INPUT_DEPTH } from './input-shape';

function nested(levels: number): unknown {
  let value: unknown = 'leaf';
  for (let level = 0; level < levels; level += 1) value = { a: value };
  return value;
}

describe('inputShapeProblem', () => {
  it('passes ordinary bodies, arrays and scalars', () => {
    expect(
      inputShapeProblem({ applicant: { fullName: 'Nguyễn Thị Hoa', phones: ['0912345678'] }, count: 3 }, ''),
    ).toBeNull();
    expect(inputShapeProblem(undefined, 'body')).toBeNull();
    expect(inputShapeProblem(nested(MAX_INPUT_DEPTH), '')).toBeNull();
  });

  it('names the field holding a NUL character, in a value or in a key', () => {
    expect(inputShapeProblem({ applicant: { fullName: 'Hoa\u0000' } }, '')).toEqual({
      field: 'applicant.fullName',
      code: 'containsNul',
      message: 'must not contain a NUL character',
    });
    expect(inputShapeProblem({ list: ['ok', 'x\u0000y'] }, '')).toMatchObject({ field: 'list.1' });
    expect(inputShapeProblem({ 'bad\u0000key': 1 }, 'query')).toMatchObject({ field: 'query.bad\u0000key' });
  });

  it('refuses nesting beyond the limit, however deep, without recursion', () => {
    expect(inputShapeProblem(nested(MAX_INPUT_DEPTH + 1), '')).toMatchObject({
      message: `nests deeper than ${MAX_INPUT_DEPTH} levels`,
    });
    expect(inputShapeProblem(nested(200_000), '')).toMatchObject({ message: expect.stringMatching(/nests deeper/) });
  });
});
