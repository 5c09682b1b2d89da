-- CreateTable
CREATE TABLE "CodeAttempt" (
    "id" TEXT NOT NULL,
    "accountKey" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CodeAttempt_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AppSecret" (
    "name" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AppSecret_pkey" PRIMARY KEY ("name")
);

-- CreateTable
CREATE TABLE "UnitJoin" (
    "ref" TEXT NOT NULL,
    "unitId" TEXT NOT NULL,
    "contactId" TEXT NOT NULL,
    "channel" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "UnitJoin_pkey" PRIMARY KEY ("ref")
);

-- CreateIndex
CREATE INDEX "CodeAttempt_accountKey_createdAt_idx" ON "CodeAttempt"("accountKey", "createdAt");

-- CreateIndex
CREATE INDEX "CodeAttempt_createdAt_idx" ON "CodeAttempt"("createdAt");

-- CreateIndex
CREATE INDEX "UnitJoin_contactId_idx" ON "UnitJoin"("contactId");

-- AddForeignKey
ALTER TABLE "UnitJoin" ADD CONSTRAINT "UnitJoin_contactId_fkey" FOREIGN KEY ("contactId") REFERENCES "Contact"("id") ON DELETE CASCADE ON UPDATE CASCADE;
