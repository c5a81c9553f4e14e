/**
 * What differs between provinces and machines, read at start from /config.json (written by the
 * web server: `npm run up`, compose or the cluster's ConfigMap), so one build serves every province.
 */
export interface RuntimeConfig {
  oidc: { authority: string; clientId: string };
  /** The public status look-up a receipt's QR code points to. */
  publicLookupUrl: string;
  /** The province whose service points the citizens' pages offer. */
  provinceCode: string;
}

function isRuntimeConfig(value: unknown): value is RuntimeConfig {
  const config = value as RuntimeConfig | null;
  return (
    typeof config?.oidc?.authority === 'string' &&
    typeof config.oidc.clientId === 'string' &&
    typeof config.publicLookupUrl === 'string' &&
    /^\d{2}$/.test(String(config.provinceCode))
  );
}

let loaded: RuntimeConfig | null = null;

/** The configuration read at start (main.tsx renders nothing before it is). */
export function runtimeConfig(): RuntimeConfig {
  if (!loaded) throw new Error('the runtime configuration is not loaded yet');
  return loaded;
}

export async function loadRuntimeConfig(): Promise<RuntimeConfig> {
  const response = await fetch('/config.json', { cache: 'no-store' });
  if (!response.ok) throw new Error(`/config.json answered ${response.status}`);
  const config: unknown = await response.json();
  if (!isRuntimeConfig(config))
    throw new Error('/config.json lacks oidc.authority, oidc.clientId, publicLookupUrl or a two-digit provinceCode');
  loaded = config;
  return config;
}
