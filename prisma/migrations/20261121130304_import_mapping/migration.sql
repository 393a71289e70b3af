-- AlterTable
ALTER TABLE "import" ADD COLUMN     "mapping" JSONB;
