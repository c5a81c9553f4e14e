# syntax=docker/dockerfile:1
# One image definition for the six services; the build argument SERVICE picks which:
#   docker build --build-arg SERVICE=intake -t onestop-intake:0.1.0 .
# The target `web` builds the web application and serves it with nginx:
#   docker build --target web -t onestop-web:0.1.0 .
# The image runs `node main.js` (the service) by default; `node migrate.js` applies its migrations
# (DATABASE_URL as for the service; `--wait` waits until they are applied) and
# `node dead-letters.js list|replay <service>` handles dead letters; in the intake and
# digital-signature images `node keys-rotate.js --service <service>` re-encrypts under the current
# keys. See docs/operations.md.
ARG NODE_IMAGE=node:20.20.2-bookworm-slim
ARG NGINX_IMAGE=nginx:1.28.0-bookworm

# The web application (apps/web): vite writes dist/apps/web, index.html and assets/ with hashed names.
FROM ${NODE_IMAGE} AS web-build
WORKDIR /workspace
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY nx.json tsconfig.base.json ./
COPY libs ./libs
COPY apps/web ./apps/web
RUN node_modules/.bin/vite build --config apps/web/vite.config.ts

# nginx serving it: the routes and headers of deploy/local/web-server-config.ts (deploy/web/). It
# writes only /tmp/onestop-web (config.json and its configuration, made at start from the
# settings), so the root filesystem can be read-only; it runs as the image's nginx user (uid 101).
FROM ${NGINX_IMAGE} AS web
LABEL org.opencontainers.image.title="onestop-web" \
      org.opencontainers.image.description="OneStop web application"
COPY --from=web-build /workspace/dist/apps/web /usr/share/nginx/html
COPY deploy/web/nginx.conf.template /etc/onestop-web/nginx.conf.template
COPY --chmod=755 deploy/web/start.sh /usr/local/bin/onestop-web
USER 101
EXPOSE 8080
HEALTHCHECK --interval=15s --timeout=3s --start-period=5s --retries=3 \
  CMD ["curl", "-fsS", "-o", "/dev/null", "http://127.0.0.1:8080/"]
ENTRYPOINT ["/usr/local/bin/onestop-web"]
CMD []

FROM ${NODE_IMAGE} AS build
ENV NX_DAEMON=false NX_NO_CLOUD=true NX_SKIP_NX_CACHE=true
WORKDIR /workspace
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY nx.json tsconfig.base.json ./
COPY tools ./tools
COPY libs ./libs
COPY apps ./apps
ARG SERVICE
RUN test -n "${SERVICE}" || (echo "build argument SERVICE is required (intake, routing, digital-signature, notification, reporting, task-monitoring)" >&2 && exit 1)
RUN test -d "apps/${SERVICE}" || (echo "no service apps/${SERVICE}" >&2 && exit 1)
RUN npx nx build "${SERVICE}"

FROM ${NODE_IMAGE} AS runtime
ARG SERVICE
LABEL org.opencontainers.image.title="onestop-${SERVICE}" \
      org.opencontainers.image.description="OneStop ${SERVICE} service"
ENV NODE_ENV=production
WORKDIR /app
# Production dependencies only, from the package.json and lock file the build generated for this service.
COPY --from=build /workspace/dist/apps/${SERVICE}/package.json /workspace/dist/apps/${SERVICE}/package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force
COPY --from=build /workspace/dist/apps/${SERVICE}/*.js /workspace/dist/apps/${SERVICE}/*.js.map ./
# The only places the service writes, and only outside production (the development key and PKI);
# everything else can be mounted read-only.
RUN mkdir -p .data/auth .data/pki && chown -R node:node .data
USER node
# Ready means PostgreSQL, Redis and Kafka answer too (the readiness check waits up to 3 s for each).
HEALTHCHECK --interval=15s --timeout=8s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + process.env.PORT + '/health/ready').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node", "--enable-source-maps", "main.js"]
