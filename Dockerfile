# syntax=docker/dockerfile:1
# Veileder as one container: web chat, /api, Slack (/slack/events) and Teams (/api/messages) on port 3978.
# Configured only by environment variables (.env.example); with none set it serves the web chat, offline.
#   docker build -t veileder .          (or: podman build --format docker -t veileder .)
#   docker compose up                   (the bot twice and PostgreSQL: compose.yaml)
# BASE_IMAGE / BUILD_IMAGE may point at an internal mirror of node:20-bookworm-slim
# (scripts/container-local.sh builds both from Debian packages where no registry can be reached).
ARG BASE_IMAGE=node:20-bookworm-slim
ARG BUILD_IMAGE=${BASE_IMAGE}

# 1. Dependencies. better-sqlite3 and hnswlib-node are native: compiled here when no prebuilt binary
#    fits, with the compiler of this stage only (node's own headers, nothing downloaded for node-gyp).
FROM ${BUILD_IMAGE} AS deps
WORKDIR /app
RUN if ! command -v g++ >/dev/null || ! command -v make >/dev/null || ! command -v python3 >/dev/null; then \
      apt-get update && apt-get install -y --no-install-recommends python3 make g++ && rm -rf /var/lib/apt/lists/*; \
    fi
COPY package.json package-lock.json ./
RUN if [ -f /usr/local/include/node/node.h ]; then export npm_config_nodedir=/usr/local; \
    elif [ -f /usr/include/node/node.h ]; then export npm_config_nodedir=/usr; fi; \
    npm ci --omit=dev --no-audit --no-fund && npm cache clean --force

# 2. The search index, built from corpus/ into the image (as `npm run ingest` does), so a container
#    is ready in seconds and needs no writable index directory.
FROM deps AS index
COPY tsconfig.json ./
COPY src ./src
COPY corpus ./corpus
RUN DATA_DIR=/app/.data LOG_LEVEL=warn node --import tsx src/cli/ingest.ts

# 3. What runs: node, the production dependencies, the sources (run by tsx, as `npm start` does),
#    the corpus and its index. No compiler, no npm cache, not root.
FROM ${BASE_IMAGE} AS runtime
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=3978 \
    DATA_DIR=/app/.data \
    FEEDBACK_DB=/data/feedback.sqlite
WORKDIR /app
COPY --from=deps /app/node_modules ./node_modules
COPY package.json package-lock.json tsconfig.json ./
COPY src ./src
COPY corpus ./corpus
COPY --from=index --chown=node:node /app/.data ./.data
RUN mkdir -p /data && chown node:node /data
USER node
VOLUME ["/data"]
EXPOSE 3978
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3978)+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
# node itself as PID 1 (no npm in between): SIGTERM reaches the server, which lets questions in flight finish.
CMD ["node", "--import", "tsx", "src/server.ts"]
