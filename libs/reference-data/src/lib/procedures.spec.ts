import catalogue from '../../data/procedures.json';
import departmentsFile from '../../data/province-departments.json';
import { procedureDefinitionSchema, type ProcedureDefinition } from './procedure-definition';

describe('procedures.json (seeded procedure catalogue)', () => {
  const entries: unknown[] = catalogue.procedures;
  const procedures: ProcedureDefinition[] = entries.map((entry) => procedureDefinitionSchema.parse(entry));

  it('has a description and at least 15 procedures', () => {
    expect(catalogue.description.length).toBeGreaterThan(0);
    expect(procedures.length).toBeGreaterThanOrEqual(15);
  });

  it.each(entries.map((entry, index) => [(entry as { code?: string }).code ?? `#${index}`, entry]))(
    '%s matches the procedure definition schema',
    (_code, entry) => {
      const result = procedureDefinitionSchema.safeParse(entry);
      expect(result.success ? [] : result.error.issues).toEqual([]);
    },
  );

  it('uses each code only once', () => {
    const codes = procedures.map((procedure) => procedure.code);
    expect(new Set(codes).size).toBe(codes.length);
  });

  it('uses each national code only once', () => {
    const nationalCodes = procedures.flatMap((procedure) => (procedure.nationalCode ? [procedure.nationalCode] : []));
    expect(new Set(nationalCodes).size).toBe(nationalCodes.length);
  });

  it('seeds version 1 of every procedure', () => {
    expect(procedures.filter((procedure) => procedure.version !== 1)).toEqual([]);
  });

  it('has both commune-level and department-level procedures', () => {
    const kinds = new Set(procedures.map((procedure) => procedure.competentLevel.kind));
    expect(kinds).toEqual(new Set(['commune', 'department']));
  });

  it('names only departments that exist in province-departments.json', () => {
    const known = new Set(departmentsFile.departments.map((department) => department.key));
    const named = procedures.flatMap((procedure) =>
      procedure.competentLevel.kind === 'department' ? [procedure.competentLevel.department] : [],
    );
    expect(named.length).toBeGreaterThan(0);
    expect(named.filter((key) => !known.has(key))).toEqual([]);
  });

  it('requires at least one document to gate intake for every procedure', () => {
    const withoutRequired = procedures
      .filter((procedure) => !procedure.requiredDocuments.some((document) => document.required))
      .map((procedure) => procedure.code);
    expect(withoutRequired).toEqual([]);
  });

  it('does not list the same document type twice within a procedure', () => {
    const duplicated = procedures
      .filter((procedure) => {
        const types = procedure.requiredDocuments.map((document) => document.type);
        return new Set(types).size !== types.length;
      })
      .map((procedure) => procedure.code);
    expect(duplicated).toEqual([]);
  });

  it('covers the civil status trio: birth, marriage and death registration', () => {
    const civilStatus = procedures.filter((procedure) => procedure.field.code === 'civil-status');
    const englishNames = civilStatus.map((procedure) => procedure.name.en.toLowerCase());
    for (const event of ['birth registration', 'marriage registration', 'death registration']) {
      expect(englishNames).toContain(event);
    }
    const trio = civilStatus.filter((procedure) => /^(birth|marriage|death) registration$/i.test(procedure.name.en));
    expect(trio.every((procedure) => procedure.competentLevel.kind === 'commune')).toBe(true);
  });
});
