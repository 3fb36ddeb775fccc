# NPS images. Stage `app`: every NPS service (`nps start --only <name>` picks one).
# Stage `web`: the web page's static files behind nginx. Both run as non-root users.
# BASE and WEB_BASE are the images the stages start from: the usual upstream ones by default;
# `nps images build --local` passes local images made from Debian packages, with no registry.
ARG BASE=node:20-bookworm-slim
ARG WEB_BASE=nginxinc/nginx-unprivileged:1.25-alpine

FROM ${BASE} AS deps
WORKDIR /app
COPY package.json package-lock.json ./
COPY web/package.json ./web/
RUN npm ci --no-audit --no-fund

# Everything the build context holds (.dockerignore leaves out tests and local state), compiled
# to dist/; then only the runtime dependencies are kept.
FROM deps AS build
COPY . .
RUN npx tsc -p . \
 && npm run build:web --if-present \
 && mkdir -p web/dist \
 && npm prune --omit=dev --no-audit --no-fund

FROM ${BASE} AS app
# Outside a container NPS listens on loopback only; inside one, the port mapping decides who reaches it.
ENV NODE_ENV=production \
    NPS_DATA_DIR=/var/lib/nps \
    BACKUP_DIR=/var/lib/nps/backups \
    API_HOST=0.0.0.0 \
    NPS_BIND_HOST=0.0.0.0
# pg_dump/psql for backups and restores, matching the PostgreSQL 15 server; tini reaps and forwards signals.
RUN apt-get update \
 && apt-get install -y --no-install-recommends postgresql-client-15 tini ca-certificates \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY --from=build /app/package.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/bin ./bin
COPY --from=build /app/dist ./dist
COPY --from=build /app/proto ./proto
COPY --from=build /app/database ./database
# The API serves the web page at / as well (Railway and single-container hosts have no web container).
COPY --from=build /app/web/dist ./web/dist
# Compiled code resolves its data files beside itself as well as from the project root.
COPY --from=build /app/proto ./dist/proto
COPY --from=build /app/database ./dist/database
RUN ln -s /app/bin/nps.js /usr/local/bin/nps \
 && mkdir -p /var/lib/nps/backups \
 && chown -R node:node /var/lib/nps
USER node
EXPOSE 8000 50052 9090
HEALTHCHECK --interval=30s --timeout=5s --start-period=15s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||process.env.API_PORT||8000)+'/api/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
ENTRYPOINT ["tini", "--"]
CMD ["nps", "start"]

FROM ${WEB_BASE} AS web
COPY deploy/web/default.conf /etc/nginx/conf.d/default.conf
COPY --from=build /app/web/dist /usr/share/nginx/html
EXPOSE 5173
HEALTHCHECK --interval=30s --timeout=5s --start-period=15s --retries=3 \
  CMD ["wget", "-q", "--spider", "http://127.0.0.1:5173/health"]
