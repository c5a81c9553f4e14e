#!/bin/sh
# The web image's entry point: writes /config.json and the nginx configuration from the settings
# (OIDC_AUTHORITY, OIDC_CLIENT_ID, PUBLIC_LOOKUP_URL, PROVINCE_CODE), then runs nginx in the foreground. The
# Content-Security-Policy names the authority's origin, derived here so that one setting feeds both.
# Only the run folder (an emptyDir on Kubernetes) is written: the root filesystem can be read-only.
set -eu

template_dir="${WEB_TEMPLATE_DIR:-/etc/onestop-web}"
run_dir="${WEB_RUN_DIR:-/tmp/onestop-web}"

fail() {
  echo "onestop-web: $*" >&2
  exit 1
}

: "${OIDC_AUTHORITY:?the OpenID provider's issuer, e.g. https://id.example/realms/onestop}"
: "${PUBLIC_LOOKUP_URL:?the public status look-up page}"
PROVINCE_CODE="${PROVINCE_CODE:-}"
case "$PROVINCE_CODE" in [0-9][0-9]) ;; *) fail "PROVINCE_CODE must be the province's two-digit code (46 for Huế), not '$PROVINCE_CODE'" ;; esac
OIDC_CLIENT_ID="${OIDC_CLIENT_ID:-onestop-web}"
# The values go into JSON and an nginx string as they are: nothing that would need escaping.
for value in "$OIDC_AUTHORITY" "$OIDC_CLIENT_ID" "$PUBLIC_LOOKUP_URL"; do
  case "$value" in *[\"\\\'\ \;\$]*) fail "the setting '$value' holds a quote, a backslash, a space, ';' or '\$'" ;; esac
done
OIDC_AUTHORITY_ORIGIN="$(printf '%s' "$OIDC_AUTHORITY" | sed -n -E 's#^(https?://[^/?#]+).*$#\1#p')"
[ -n "$OIDC_AUTHORITY_ORIGIN" ] || fail "OIDC_AUTHORITY must be an http(s) URL, not '$OIDC_AUTHORITY'"
WEB_RUN_DIR="$run_dir"
export OIDC_AUTHORITY_ORIGIN WEB_RUN_DIR

mkdir -p "$run_dir"
envsubst '${OIDC_AUTHORITY_ORIGIN} ${WEB_RUN_DIR}' < "$template_dir/nginx.conf.template" > "$run_dir/nginx.conf"
printf '{\n  "oidc": {\n    "authority": "%s",\n    "clientId": "%s"\n  },\n  "publicLookupUrl": "%s",\n  "provinceCode": "%s"\n}\n' \
  "$OIDC_AUTHORITY" "$OIDC_CLIENT_ID" "$PUBLIC_LOOKUP_URL" "$PROVINCE_CODE" > "$run_dir/config.json"

exec nginx -c "$run_dir/nginx.conf" -e stderr "$@"
