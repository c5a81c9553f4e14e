import type { TFunction } from 'i18next';

/** The intake service takes a reason of 5 to 500 characters (sent trimmed); checked up front so the officer is not refused after pressing. */
export const REASON_MIN = 5;
export const REASON_MAX = 500;

export function reasonRules(t: TFunction) {
  return [
    { required: true, whitespace: true, message: t('common.reasonRequired') },
    {
      validator: async (_: unknown, value: string | undefined) => {
        if (value?.trim() && value.trim().length < REASON_MIN) throw new Error(t('common.reasonTooShort'));
      },
    },
  ];
}
