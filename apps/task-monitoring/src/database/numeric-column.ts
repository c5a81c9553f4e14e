import { ValueTransformer } from 'typeorm';

/**
 * PostgreSQL `numeric` as a JavaScript number. node-postgres reads numeric as a string to keep
 * every digit; the indicator values kept here (four decimals below 1e12) fit a double exactly enough.
 */
export const NUMERIC_AS_NUMBER: ValueTransformer = {
  to: (value: number | null | undefined) => value,
  from: (value: string | null) => (value === null ? null : Number(value)),
};
