-- AlterTable
ALTER TABLE "StaffRole" ADD COLUMN     "judgeRef" TEXT NOT NULL DEFAULT '';

-- CreateTable
CREATE TABLE "ScoreResult" (
    "proposalId" TEXT NOT NULL,
    "stage" TEXT NOT NULL,
    "total" DOUBLE PRECISION,
    "rank" INTEGER,
    "rankOf" INTEGER NOT NULL DEFAULT 0,
    "advances" BOOLEAN,
    "criteria" JSONB NOT NULL,
    "comments" JSONB NOT NULL DEFAULT '[]',
    "releasedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ScoreResult_pkey" PRIMARY KEY ("proposalId","stage")
);

-- CreateTable
CREATE TABLE "LinkCode" (
    "code" TEXT NOT NULL,
    "contactId" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "LinkCode_pkey" PRIMARY KEY ("code")
);

-- CreateIndex
CREATE INDEX "LinkCode_contactId_idx" ON "LinkCode"("contactId");

-- AddForeignKey
ALTER TABLE "ScoreResult" ADD CONSTRAINT "ScoreResult_proposalId_fkey" FOREIGN KEY ("proposalId") REFERENCES "Proposal"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LinkCode" ADD CONSTRAINT "LinkCode_contactId_fkey" FOREIGN KEY ("contactId") REFERENCES "Contact"("id") ON DELETE CASCADE ON UPDATE CASCADE;
