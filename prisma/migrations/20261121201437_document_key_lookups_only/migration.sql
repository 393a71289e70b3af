-- DropForeignKey
ALTER TABLE "document_key" DROP CONSTRAINT "document_key_study_id_fkey";

-- DropIndex
DROP INDEX "document_study_id_doi_idx";

-- DropIndex
DROP INDEX "document_study_id_patent_number_idx";
