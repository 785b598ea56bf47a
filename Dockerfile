# The production image: Next's standalone server (node server.js), non-root, with a health check.
# Build: docker build -t campus-meeting .   Run alone (embedded database in the /data volume):
#   docker run -p 3000:3000 -v meeting-data:/data -e AUTH_SECRET=... -e APP_URL=https://rooms.example.edu campus-meeting
# With Postgres and two replicas behind one port: compose.yaml.

FROM node:20-bookworm-slim AS deps
WORKDIR /app
# Toolchain for native modules: argon2 compiles itself when its prebuilt binary does not load on the CPU.
RUN apt-get update && apt-get install -y --no-install-recommends python3 make g++ && rm -rf /var/lib/apt/lists/*
# patches/ holds the fix of a driver bug that ends the process when Postgres drops a connection (applied on install).
COPY package.json package-lock.json ./
COPY patches ./patches
RUN npm ci --no-audit --no-fund

FROM node:20-bookworm-slim AS build
WORKDIR /app
ENV NEXT_TELEMETRY_DISABLED=1 NEXT_OUTPUT=standalone
COPY --from=deps /app/node_modules ./node_modules
COPY . .
# next build + scripts/prepare-standalone.mjs (static files, public/ and the migrations into .next/standalone)
RUN npm run build

FROM node:20-bookworm-slim AS run
WORKDIR /app
# KEEP_ALIVE_TIMEOUT: idle keep-alive connections outlive a load balancer's (60 s is common): otherwise a request sent
# on a connection the server is just closing fails with a reset.
ENV NODE_ENV=production NEXT_TELEMETRY_DISABLED=1 PORT=3000 HOSTNAME=0.0.0.0 PGLITE_DIR=/data/pglite KEEP_ALIVE_TIMEOUT=65000
RUN groupadd --system meeting && useradd --system --gid meeting --home-dir /app meeting \
  && mkdir -p /data && chown meeting:meeting /data
COPY --from=build --chown=meeting:meeting /app/.next/standalone ./
USER meeting
VOLUME ["/data"]
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=6s --start-period=40s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/meeting/api/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
# SIGTERM: Next finishes the requests in flight, the app stops its maintenance timer and reports draining.
STOPSIGNAL SIGTERM
CMD ["node", "server.js"]
