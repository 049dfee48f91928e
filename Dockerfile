# Netzwerkatlas: API, GraphQL IDE and explorer on one port (4000).
# Used by docker-compose.yml together with Neo4j 5; on its own it runs the embedded SQLite store.

# ---- build: install everything, build the client, drop dev dependencies
FROM node:20-bookworm-slim AS build
WORKDIR /app
# better-sqlite3 compiles its native addon when no prebuilt binary matches
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ \
 && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
RUN npm ci
COPY . .
RUN npm run build \
 && npm prune --omit=dev

# ---- runtime
FROM node:20-bookworm-slim AS runtime
WORKDIR /app
# tini (Debian's package) is PID 1: it forwards SIGTERM/SIGINT to npm, which passes them on to node
# (`npm start` execs node, no wrapper), and reaps zombies; node drains requests and closes the
# store within 5 s (server/process/shutdown.ts), so `docker stop` ends cleanly with exit code 0.
RUN apt-get update \
 && apt-get install -y --no-install-recommends tini \
 && rm -rf /var/lib/apt/lists/*
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=4000
COPY --from=build --chown=node:node /app/node_modules ./node_modules
COPY --from=build --chown=node:node /app/dist ./dist
COPY --from=build --chown=node:node /app/package.json /app/tsconfig.json /app/vite.config.ts ./
# `npm start` runs the TypeScript sources with tsx; server/start.ts compares the built client in
# dist/client with client/ (and rebuilds it only if it is missing or older), so client/ ships too.
COPY --from=build --chown=node:node /app/server ./server
COPY --from=build --chown=node:node /app/client ./client
COPY --from=build --chown=node:node /app/shared ./shared
COPY --from=build --chown=node:node /app/cypher ./cypher
# DATA_DIR (./data) holds the embedded store when NEO4J_URI is not set
RUN mkdir -p /app/data && chown node:node /app /app/data
USER node
EXPOSE 4000
ENTRYPOINT ["/usr/bin/tini", "--"]
CMD ["npm", "start"]
