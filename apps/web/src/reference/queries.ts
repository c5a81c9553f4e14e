import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../api/clients';
import type { operations } from '../api/generated/intake';

export type Procedure = operations['ProceduresController_list']['responses'][200]['content']['application/json']['items'][number];

/** The province's procedure catalogue (current versions): small, read once per session. */
export function useProcedures() {
  return useQuery({
    queryKey: ['procedures'],
    queryFn: () => unwrap(api.intake.GET('/api/v1/procedures')).then((list) => list.items),
    staleTime: 30 * 60_000,
  });
}

/** A procedure's name in the user's language, by code, once the catalogue is loaded. */
export function useProcedureName(): (code: string, language: string) => string {
  const { data } = useProcedures();
  return (code, language) => {
    const procedure = data?.find((candidate) => candidate.code === code);
    return procedure ? (language === 'en' ? procedure.name.en : procedure.name.vi) : code;
  };
}
