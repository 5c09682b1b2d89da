# Klinik Inovasi bot. No container engine runs where this project is developed and tested: the
# build steps below are the commands CI's clean install runs (.ci/run: npm ci, then the checks),
# so they are exercised on every CI run even though this file itself is not.

# --- build: a clean install (postinstall generates the Prisma client), checked, then pruned ---
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json prisma.config.ts ./
COPY prisma ./prisma
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run typecheck && node scripts/build.mjs --force && npm prune --omit=dev --no-audit --no-fund

# --- runtime: the compiled bot (dist/, as `npm start` runs it); the CLI runs the sources through
# tsx; non-root; data in a volume ---
FROM node:20-bookworm-slim
ENV NODE_ENV=production \
    DATA_DIR=/data \
    HTTP_HOST=0.0.0.0 \
    HTTP_PORT=8080 \
    CONSOLE_CHAT=off
WORKDIR /app
COPY --from=build --chown=node:node /app/package.json /app/package-lock.json /app/prisma.config.ts ./
COPY --from=build --chown=node:node /app/node_modules ./node_modules
COPY --from=build --chown=node:node /app/bin ./bin
COPY --from=build --chown=node:node /app/prisma ./prisma
COPY --from=build --chown=node:node /app/prompts ./prompts
COPY --from=build --chown=node:node /app/src ./src
COPY --from=build --chown=node:node /app/dist ./dist
COPY --from=build --chown=node:node /app/scripts ./scripts
RUN mkdir -p /data && chown node:node /data
USER node
VOLUME ["/data"]
EXPOSE 8080
# /healthz: the process answers and its database answers (slim images have no curl).
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.HTTP_PORT||8080)+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
CMD ["node", "dist/main.js"]
