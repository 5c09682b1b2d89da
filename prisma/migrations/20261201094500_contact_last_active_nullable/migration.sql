-- AlterTable
ALTER TABLE "Contact" ALTER COLUMN "lastActiveAt" DROP NOT NULL,
ALTER COLUMN "lastActiveAt" DROP DEFAULT;

-- Contacts that never wrote (imported with the units) were stamped at import time: not activity.
UPDATE "Contact" c SET "lastActiveAt" = NULL
WHERE NOT EXISTS (SELECT 1 FROM "DialogueState" d WHERE d."contactId" = c.id);
