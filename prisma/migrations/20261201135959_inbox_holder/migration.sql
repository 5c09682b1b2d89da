-- AlterTable
ALTER TABLE "InboxUpdate" ADD COLUMN     "holder" INTEGER;
