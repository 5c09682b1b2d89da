import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { defineConfig } from "prisma/config";

// Prisma 7's CLI insists on a native schema-engine binary before any command, and downloads it
// when missing. generate/validate/format never run it, so offline we point the check at an
// existing file. Other commands keep the real behaviour for operators who have internet.
// See docs/decisions/0002-prisma-offline.md.
const offlineSafe = process.argv.some((a) => ["generate", "validate", "format"].includes(a));
if (offlineSafe && !process.env.PRISMA_SCHEMA_ENGINE_BINARY) {
  const self = fileURLToPath(import.meta.url);
  if (existsSync(self)) process.env.PRISMA_SCHEMA_ENGINE_BINARY = self;
}

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://localhost:5432/klinik" },
});
