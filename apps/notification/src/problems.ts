import { ProblemException } from '@onestop/platform';

const notAllowed = (detail: string) => new ProblemException(403, 'Not allowed', { detail });
const notFound = (detail: string) => new ProblemException(404, 'Not found', { detail });

/** Every problem notification answers with, by what went wrong. */
export const NotificationProblems = {
  /** Templates, deliveries and webhook subscriptions belong to a province; a token without one reaches none. */
  noProvince: (what: 'templates' | 'deliveries' | 'webhook subscriptions') =>
    notAllowed(`${what} belong to a province, and your token names none`),
  otherProvinceTemplates: (ownProvince: string) =>
    notAllowed(`you may read and change the templates of your own province, ${ownProvince}`),
  templateNotFound: (key: { kind: string; channel: string; locale: string }) =>
    notFound(`no ${key.channel} template in ${key.locale} for ${key.kind}`),
  templateSavedConcurrently: () =>
    new ProblemException(409, 'Saved concurrently', {
      detail: 'another version was saved at the same time; reload and save again',
    }),

  deliveryNotFound: (id: string) => notFound(`no delivery ${id} in your province`),
  deliveryNotFailed: (id: string, state: string) =>
    new ProblemException(409, 'Not failed', {
      detail: `delivery ${id} is ${state}; only failed deliveries are sent again`,
    }),
  reportSignatureMismatch: () =>
    new ProblemException(401, 'Unauthorized', { detail: 'X-OneStop-Signature does not match the report' }),
  unknownProviderMessage: (provider: string, reference: string) =>
    notFound(`no message ${reference} sent through ${provider}`),

  tenantOutsideProvince: (tenantCode: string, ownProvince: string) =>
    notAllowed(`${tenantCode} is not your province or one of its units; you administer province ${ownProvince}`),
  webhookSubscriptionNotFound: (id: string) => notFound(`no webhook subscription ${id} in your province`),

  inboxMessageNotFound: (id: string) => notFound(`no message ${id} in your inbox`),
};
