import { Role } from '@onestop/contracts';
import { DEVELOPMENT_KEY_SECRET, readPkiDirectory } from '@onestop/digital-signature';
import { SeedUser, seedUsers } from '@onestop/local-stack';
import { issueOfficerCertificate } from '@onestop/pades';
import { loadOrCreateDevelopmentKey, parseKeyring, signDevelopmentToken } from '@onestop/platform';

/**
 * What the seed users of the local realm need beyond a sign-in to take a dossier from the desk to
 * a signed result: the specialists and leaders of Phú Xuân and Thuỷ Xuân registered as their
 * units' officers in routing (dossiers are shared out among those), and each of these leaders a
 * signing certificate whose key the signature service holds (approval signs in one step).
 */
export const WORKBENCH_UNITS = ['19753', '19813'] as const;

/** The unit roles the officer registry records for a seed user; the rest of their roles come from the token alone. */
const OFFICER_ROLES: readonly Role[] = ['specialist', 'unit-leader'];

export interface WorkbenchUrls {
  routing: string;
  signature: string;
}

export interface WorkbenchOptions {
  /** The development key the services accept beside the identity provider's (AUTH_DEV_KEY_FILE), and the issuer and audience they accept its tokens under. */
  token: { keyFile: string; issuer: string; audience: string };
  /** The signature service's PKI directory (PKI_DIR) and the secret its keys are under (KEY_ENCRYPTION_SECRET; the development secret when absent). */
  pki: { dir: string; keyEncryptionSecret?: string };
  /** Whom to prepare for; the realm file's seed users unless given. */
  users?: SeedUser[];
}

/** Usernames, by what seeding did for them. */
export interface WorkbenchSeeding {
  officersRegistered: string[];
  officersInPlace: string[];
  certificatesIssued: string[];
  certificatesInPlace: string[];
}

interface RegisteredOfficer {
  subject: string;
  unitCode: string;
  roles: string[];
  active: boolean;
}

interface RegisteredCertificate {
  status: 'active' | 'locked' | 'revoked';
  notAfter: string;
}

/**
 * Registers the workbench units' specialists and leaders as officers and issues their leaders
 * development signing certificates, leaving alone what is in place already: run again, it changes
 * nothing. A certificate counts as in place while one is registered for the leader unrevoked and
 * unexpired (a locked one too: whoever locked it meant it).
 */
export async function seedWorkbench(urls: WorkbenchUrls, options: WorkbenchOptions): Promise<WorkbenchSeeding> {
  const users = (options.users ?? seedUsers()).filter(
    (user) => isWorkbenchUnit(user.unitCode) && officerRoles(user).length > 0,
  );
  const api = await administratorApi(options.token, provinceOf(users));
  const seeding: WorkbenchSeeding = {
    officersRegistered: [],
    officersInPlace: [],
    certificatesIssued: [],
    certificatesInPlace: [],
  };

  for (const unitCode of WORKBENCH_UNITS) {
    const { items } = await api<{ items: RegisteredOfficer[] }>(
      'GET',
      `${urls.routing}/api/v1/units/${unitCode}/officers`,
    );
    for (const user of users.filter((candidate) => candidate.unitCode === unitCode)) {
      const roles = officerRoles(user);
      const registered = items.find((officer) => officer.subject === user.id);
      if (registered?.active && sameRoles(registered.roles, roles)) {
        seeding.officersInPlace.push(user.username);
        continue;
      }
      await api('PUT', `${urls.routing}/api/v1/units/${unitCode}/officers/${encodeURIComponent(user.id)}`, {
        roles,
        active: true,
      });
      seeding.officersRegistered.push(user.username);
    }
  }

  const leaders = users.filter((user) => user.roles.includes('unit-leader'));
  // The issuing CA's key is opened only when a leader lacks a certificate: a re-run needs no PKI secret.
  let issuer: ReturnType<typeof issuingCa> | undefined;
  for (const leader of leaders) {
    const { items } = await api<{ items: RegisteredCertificate[] }>(
      'GET',
      `${urls.signature}/api/v1/certificates?userId=${encodeURIComponent(leader.id)}`,
    );
    if (items.some(isValid)) {
      seeding.certificatesInPlace.push(leader.username);
      continue;
    }
    const ca = (issuer ??= issuingCa(options.pki));
    const officer = await issueOfficerCertificate(
      ca,
      { id: leader.id, name: leader.fullName, unitCode: leader.unitCode! },
      { crlUrl: `${urls.signature}/api/v1/crl` },
    );
    await api('POST', `${urls.signature}/api/v1/certificates`, {
      userId: leader.id,
      unitCode: leader.unitCode,
      chainPem: officer.certificate.pem + ca.certificate.pem,
      privateKeyPem: officer.privateKey.export({ type: 'pkcs8', format: 'pem' }),
    });
    seeding.certificatesIssued.push(leader.username);
  }
  return seeding;
}

/** One line for the console: what changed, or that everything was in place. */
export function workbenchSummary(seeding: WorkbenchSeeding): string {
  const changes = [
    seeding.officersRegistered.length ? `registered officers ${seeding.officersRegistered.join(', ')}` : '',
    seeding.certificatesIssued.length ? `issued signing certificates to ${seeding.certificatesIssued.join(', ')}` : '',
  ].filter(Boolean);
  if (changes.length) return `workbench: ${changes.join('; ')}`;
  return `workbench: in place (${seeding.officersInPlace.length} officers, ${seeding.certificatesInPlace.length} leaders with a signing certificate)`;
}

function isWorkbenchUnit(unitCode: string | null): boolean {
  return (WORKBENCH_UNITS as readonly (string | null)[]).includes(unitCode);
}

function officerRoles(user: SeedUser): Role[] {
  return OFFICER_ROLES.filter((role) => user.roles.includes(role));
}

function sameRoles(registered: string[], wanted: Role[]): boolean {
  return registered.length === wanted.length && wanted.every((role) => registered.includes(role));
}

function isValid(certificate: RegisteredCertificate): boolean {
  return certificate.status !== 'revoked' && new Date(certificate.notAfter) > new Date();
}

function provinceOf(users: SeedUser[]): string {
  const provinces = new Set(users.map((user) => user.provinceCode));
  if (provinces.size !== 1 || provinces.has(null))
    throw new Error(
      `the workbench units' seed users must share one province, not ${[...provinces].join(', ') || 'none'}`,
    );
  return [...provinces][0]!;
}

function issuingCa(pki: WorkbenchOptions['pki']) {
  const issuer = readPkiDirectory(
    pki.dir,
    parseKeyring(pki.keyEncryptionSecret ?? DEVELOPMENT_KEY_SECRET, 'passphrase'),
  ).crlIssuer;
  if (!issuer) throw new Error(`the PKI in ${pki.dir} has no issuing CA key to issue signing certificates with`);
  return issuer;
}

type Api = <T = unknown>(method: 'GET' | 'PUT' | 'POST', url: string, body?: object) => Promise<T>;

/** Calls the services as the province's administrator, with a short-lived token of the development key (as `npm run token` makes). */
async function administratorApi(token: WorkbenchOptions['token'], provinceCode: string): Promise<Api> {
  const bearer = await signDevelopmentToken(await loadOrCreateDevelopmentKey(token.keyFile), {
    subject: 'dev-province-admin',
    roles: ['province-admin'],
    provinceCode,
    issuer: token.issuer,
    audience: token.audience,
    expiresIn: '10m',
  });
  return async <T>(method: string, url: string, body?: object): Promise<T> => {
    const response = await fetch(url, {
      method,
      headers: { authorization: `Bearer ${bearer}`, ...(body ? { 'content-type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
    const answer = (await response.json().catch(() => null)) as (T & { detail?: string; title?: string }) | null;
    if (!response.ok)
      throw new Error(
        `${method} ${url} answered ${response.status}: ${answer?.detail ?? answer?.title ?? response.statusText}`,
      );
    return answer as T;
  };
}
