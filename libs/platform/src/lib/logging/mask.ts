/**
 * Masks personal data (Law 91/2025/QH15) in text that reaches the logs: citizen ID numbers,
 * Vietnamese phone numbers and e-mail addresses. Enough stays visible to tell records apart.
 */
const CITIZEN_ID = /(?<!\d)\d{12}(?!\d)/g;
const PHONE = /(?<![\d+])(?:\+?84|0)(\d{2})\d{5}(\d{2})(?!\d)/g;
const EMAIL = /([A-Za-z0-9._%+-])[A-Za-z0-9._%+-]*@([A-Za-z0-9.-]+\.[A-Za-z]{2,})/g;

export function maskPersonalText(text: string): string {
  return text
    .replace(CITIZEN_ID, '************')
    .replace(PHONE, (_match, head: string, tail: string) => `0${head}*****${tail}`)
    .replace(EMAIL, (_match, first: string, domain: string) => `${first}***@${domain}`);
}

/** Field names whose values are personal and replaced entirely in structured logs. */
export const PERSONAL_FIELDS = [
  'citizenId',
  'citizenIdNumber',
  'phone',
  'email',
  'fullName',
  'name',
  'address',
  'dateOfBirth',
];
