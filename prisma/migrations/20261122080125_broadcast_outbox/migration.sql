-- AlterTable
ALTER TABLE "Announcement" ADD COLUMN     "dedupeKey" TEXT;

-- AlterTable
ALTER TABLE "Delivery" ADD COLUMN     "text" TEXT;

-- CreateTable
CREATE TABLE "AnnouncementDraft" (
    "contactId" TEXT NOT NULL,
    "competitionId" TEXT NOT NULL,
    "state" JSONB NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "AnnouncementDraft_pkey" PRIMARY KEY ("contactId")
);

-- CreateIndex
CREATE UNIQUE INDEX "Announcement_dedupeKey_key" ON "Announcement"("dedupeKey");

-- AddForeignKey
ALTER TABLE "AnnouncementDraft" ADD CONSTRAINT "AnnouncementDraft_contactId_fkey" FOREIGN KEY ("contactId") REFERENCES "Contact"("id") ON DELETE CASCADE ON UPDATE CASCADE;
