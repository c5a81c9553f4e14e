import { useMutation } from '@tanstack/react-query';
import { api, unwrap } from '../api/clients';
import type { components } from '../api/generated/intake';

export type PublicStatus = components['schemas']['PublicStatusDto'];
export type PublicStep = PublicStatus['history'][number];

/** The public look-up by code and the phone's last four digits: a mutation, as each try counts against the address. */
export function useStatusLookup() {
  return useMutation({
    mutationFn: ({ code, phone }: { code: string; phone: string }) =>
      unwrap(
        api.intake.GET('/api/v1/dossiers/{code}/status', { params: { path: { code: code.trim() }, query: { phone } } }),
      ),
  });
}

/** The latest apology among the public steps: the unit's words and the new appointment they set. */
export function latestApology(status: PublicStatus): PublicStep | undefined {
  return status.history.filter((step) => step.action === 'apology').at(-1);
}
