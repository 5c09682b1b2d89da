-- AlterTable
ALTER TABLE "Competition" ADD COLUMN     "whatsappTemplates" JSONB;

-- AlterTable
ALTER TABLE "Delivery" ADD COLUMN     "deliveredAt" TIMESTAMP(3),
ADD COLUMN     "readAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "ConversationWindow" (
    "channel" TEXT NOT NULL,
    "externalId" TEXT NOT NULL,
    "lastInboundAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ConversationWindow_pkey" PRIMARY KEY ("channel","externalId")
);

-- CreateTable
CREATE TABLE "BusinessConversation" (
    "recipientHash" TEXT NOT NULL,
    "openedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "BusinessConversation_pkey" PRIMARY KEY ("recipientHash")
);

-- CreateIndex
CREATE INDEX "BusinessConversation_openedAt_idx" ON "BusinessConversation"("openedAt");

-- CreateIndex
CREATE INDEX "Delivery_providerMessageId_idx" ON "Delivery"("providerMessageId");
