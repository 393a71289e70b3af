-- AlterTable
ALTER TABLE "import" ADD COLUMN     "default_kind" "DocumentKind";
