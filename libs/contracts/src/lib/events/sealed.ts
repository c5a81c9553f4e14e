import { z } from 'zod';

/**
 * Personal data inside an event, encrypted (AES-256-GCM) under the event-data key named by
 * `keyId`. Only the services given that key open it; the others, and the broker, its disks and
 * its backups, see the box. Its authenticated context is `<event type>:<dossier id>`, so a box
 * copied into another event does not open.
 */
export const sealedBoxSchema = z.object({
  keyId: z.string().regex(/^[a-z0-9][a-z0-9-]{0,15}$/),
  iv: z.base64(),
  tag: z.base64(),
  ciphertext: z.base64(),
});

/** The applicant's contact, as sealed in intake's events: how officers and notices reach them. */
export const applicantContactContentsSchema = z.object({
  name: z.string(),
  phone: z.string(),
  email: z.string().nullable(),
});
export type ApplicantContactContents = z.infer<typeof applicantContactContentsSchema>;

/** The applicant's name, as sealed in a signature request: the result document shows it. */
export const applicantNameContentsSchema = z.object({ name: z.string() });

/** The context a box is bound to. */
export function sealContext(eventType: string, dossierId: string): string {
  return `${eventType}:${dossierId}`;
}
