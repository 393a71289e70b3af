-- DropIndex
DROP INDEX "document_source_document_id_import_id_position_key";

-- AlterTable (rows stored before this migration get the hash of their format and raw record)
ALTER TABLE "document_source" ADD COLUMN     "record_hash" TEXT;
UPDATE "document_source" SET "record_hash" = encode(sha256(convert_to("format" || ':' || "raw"::text, 'UTF8')), 'hex');
ALTER TABLE "document_source" ALTER COLUMN "record_hash" SET NOT NULL;

-- CreateTable
CREATE TABLE "document_key" (
    "study_id" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "document_id" TEXT NOT NULL,

    CONSTRAINT "document_key_pkey" PRIMARY KEY ("study_id","key")
);

-- CreateIndex
CREATE INDEX "document_key_document_id_idx" ON "document_key"("document_id");

-- Documents stored before this migration are known by the key they were created under
INSERT INTO "document_key" ("study_id", "key", "document_id") SELECT "study_id", "dedup_key", "id" FROM "document";

-- The same record stored twice before record hashes existed: keep the first row
DELETE FROM "document_source" a USING "document_source" b
WHERE a."document_id" = b."document_id" AND a."record_hash" = b."record_hash" AND (a."created_at", a."id") > (b."created_at", b."id");

-- CreateIndex
CREATE UNIQUE INDEX "document_source_document_id_record_hash_key" ON "document_source"("document_id", "record_hash");

-- AddForeignKey
ALTER TABLE "document_key" ADD CONSTRAINT "document_key_study_id_fkey" FOREIGN KEY ("study_id") REFERENCES "study"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "document_key" ADD CONSTRAINT "document_key_document_id_fkey" FOREIGN KEY ("document_id") REFERENCES "document"("id") ON DELETE CASCADE ON UPDATE CASCADE;
