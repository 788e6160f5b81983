# syntax=docker/dockerfile:1
# The studio's image: built in one stage, run from another that holds only the built app and the
# production dependencies, as a non-root user, on a read-only root filesystem (deploy/base mounts
# the writable directories). Build: docker build -t kube-lua-studio:0.1.0 .

# --- build: every dependency, the engine bundles (postinstall) and `next build` ------------------
FROM node:20-bookworm-slim AS build
WORKDIR /app
ENV NEXT_TELEMETRY_DISABLED=1
# postinstall bundles the engine from the sources, so they come first.
COPY . .
RUN npm ci && npm run build && rm -rf .next/cache

# --- prod-deps: runtime dependencies only; no install scripts (postinstall needs the dev tools) --
FROM node:20-bookworm-slim AS prod-deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --ignore-scripts && npm cache clean --force

# --- runtime -------------------------------------------------------------------------------------
FROM node:20-bookworm-slim AS runtime
WORKDIR /app
ENV NODE_ENV=production \
    NEXT_TELEMETRY_DISABLED=1 \
    HOST=0.0.0.0 \
    PORT=3000 \
    STUDIO_AUTH=token \
    STUDIO_DATA_DIR=/data
# Owned by root and not writable by the app's user: the code cannot be changed at run time.
COPY --from=prod-deps /app/node_modules ./node_modules
COPY --from=build /app/package.json /app/next.config.ts ./
COPY --from=build /app/.next ./.next
COPY --from=build /app/public ./public
COPY --from=build /app/dist ./dist
# The only writable places (volumes in deploy/base: /data, /tmp, /app/.next/cache).
RUN mkdir -p /data /app/.next/cache && chown node:node /data /app/.next/cache
USER node
EXPOSE 3000
# `next start` itself, not `npm start`: that one would try to build (and write) on start.
CMD ["sh", "-c", "exec node node_modules/next/dist/bin/next start -H \"$HOST\" -p \"$PORT\""]
