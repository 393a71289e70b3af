-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "Role" AS ENUM ('ADMIN', 'EXPERT', 'PLANNER');

-- CreateEnum
CREATE TYPE "Sector" AS ENUM ('ACADEMIA', 'INDUSTRY', 'GOVERNMENT', 'OTHER');

-- CreateEnum
CREATE TYPE "StudyStatus" AS ENUM ('DRAFT', 'ACTIVE', 'ARCHIVED');

-- CreateEnum
CREATE TYPE "SourceKind" AS ENUM ('FILE', 'OPENALEX', 'ARXIV', 'CROSSREF', 'PATENTSVIEW', 'SEMANTIC_SCHOLAR', 'RSS');

-- CreateEnum
CREATE TYPE "JobStatus" AS ENUM ('QUEUED', 'RUNNING', 'SUCCEEDED', 'FAILED', 'CANCELLED');

-- CreateEnum
CREATE TYPE "DocumentKind" AS ENUM ('PAPER', 'CONFERENCE_PAPER', 'PATENT', 'PROJECT', 'NEWS', 'POLICY', 'OTHER');

-- CreateEnum
CREATE TYPE "ThemeSetOrigin" AS ENUM ('MACHINE', 'CURATION');

-- CreateEnum
CREATE TYPE "LabelSource" AS ENUM ('MACHINE', 'EXPERT', 'ADMIN');

-- CreateEnum
CREATE TYPE "RoundStatus" AS ENUM ('DRAFT', 'OPEN', 'CLOSED');

-- CreateEnum
CREATE TYPE "RoundKind" AS ENUM ('RATING', 'RANKING');

-- CreateEnum
CREATE TYPE "ConsensusRuleKind" AS ENUM ('IQR', 'AGREEMENT', 'COMET_70_15', 'CV_BAND', 'RAND_UCLA');

-- CreateEnum
CREATE TYPE "ItemOrigin" AS ENUM ('THEME', 'ADMIN');

-- CreateEnum
CREATE TYPE "ItemOutcome" AS ENUM ('PENDING', 'ACCEPTED', 'REJECTED', 'CARRIED_OVER', 'DISSENT');

-- CreateEnum
CREATE TYPE "QuestionKind" AS ENUM ('SCALE', 'CHOICE', 'MULTI_CHOICE', 'YEAR', 'TEXT');

-- CreateEnum
CREATE TYPE "InvitationStatus" AS ENUM ('PENDING', 'ACCEPTED', 'REVOKED');

-- CreateEnum
CREATE TYPE "AnswerStatus" AS ENUM ('DRAFT', 'SUBMITTED');

-- CreateEnum
CREATE TYPE "CommentStatus" AS ENUM ('VISIBLE', 'HIDDEN');

-- CreateEnum
CREATE TYPE "ProposalKind" AS ENUM ('RELABEL', 'MERGE', 'SPLIT', 'DELETE');

-- CreateEnum
CREATE TYPE "ProposalStatus" AS ENUM ('OPEN', 'ACCEPTED', 'REJECTED', 'WITHDRAWN');

-- CreateEnum
CREATE TYPE "ReportKind" AS ENUM ('ROUND_CONSENSUS', 'STUDY_CONSENSUS', 'MONITORING');

-- CreateEnum
CREATE TYPE "AlertStatus" AS ENUM ('OPEN', 'ACKNOWLEDGED', 'DISMISSED');

-- CreateTable
CREATE TABLE "user" (
    "id" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "role" "Role" NOT NULL,
    "password_hash" TEXT,
    "token_version" INTEGER NOT NULL DEFAULT 0,
    "disabled_at" TIMESTAMP(3),
    "locale" TEXT NOT NULL DEFAULT 'en',
    "last_login_at" TIMESTAMP(3),
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "user_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "expert_profile" (
    "id" TEXT NOT NULL,
    "user_id" TEXT NOT NULL,
    "organisation" TEXT,
    "sector" "Sector" NOT NULL DEFAULT 'OTHER',
    "country" TEXT,
    "fields" TEXT[],
    "keywords" TEXT[],
    "bio" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "expert_profile_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "study" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "question" TEXT NOT NULL DEFAULT '',
    "scope" TEXT NOT NULL DEFAULT '',
    "horizon_year" INTEGER,
    "home_country" TEXT,
    "status" "StudyStatus" NOT NULL DEFAULT 'ACTIVE',
    "settings" JSONB NOT NULL DEFAULT '{}',
    "created_by_id" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "study_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "study_watcher" (
    "study_id" TEXT NOT NULL,
    "user_id" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "study_watcher_pkey" PRIMARY KEY ("study_id","user_id")
);

-- CreateTable
CREATE TABLE "source" (
    "id" TEXT NOT NULL,
    "study_id" TEXT NOT NULL,
    "kind" "SourceKind" NOT NULL,
    "name" TEXT NOT NULL,
    "query" TEXT NOT NULL DEFAULT '',
    "config" JSONB NOT NULL DEFAULT '{}',
    "schedule" TEXT,
    "cursor" JSONB,
    "last_collected_at" TIMESTAMP(3),
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "source_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "import" (
    "id" TEXT NOT NULL,
    "study_id" TEXT NOT NULL,
    "source_id" TEXT,
    "file_name" TEXT,
    "file_size" INTEGER,
    "file_hash" TEXT,
    "format" TEXT,
    "status" "JobStatus" NOT NULL DEFAULT 'QUEUED',
    "records_read" INTEGER NOT NULL DEFAULT 0,
    "records_imported" INTEGER NOT NULL DEFAULT 0,
    "records_duplicate" INTEGER NOT NULL DEFAULT 0,
    "records_rejected" INTEGER NOT NULL DEFAULT 0,
    "progress" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "error" TEXT,
    "created_by_id" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "started_at" TIMESTAMP(3),
    "finished_at" TIMESTAMP(3),

    CONSTRAINT "import_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "upload_chunk" (
    "import_id" TEXT NOT NULL,
    "seq" INTEGER NOT NULL,
    "data" BYTEA NOT NULL,

    CONSTRAINT "upload_chunk_pkey" PRIMARY KEY ("import_id","seq")
);

-- CreateTable
CREATE TABLE "import_error" (
    "id" TEXT NOT NULL,
    "import_id" TEXT NOT NULL,
    "record" INTEGER NOT NULL,
    "line" INTEGER,
    "message" TEXT NOT NULL,

    CONSTRAINT "import_error_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "document" (
    "id" TEXT NOT NULL,
    "study_id" TEXT NOT NULL,
    "kind" "DocumentKind" NOT NULL,
    "title" TEXT NOT NULL,
    "abstract" TEXT NOT NULL DEFAULT '',
    "language" TEXT,
    "published_on" DATE,
    "year" INTEGER,
    "authors" JSONB NOT NULL DEFAULT '[]',
    "affiliations" JSONB NOT NULL DEFAULT '[]',
    "countries" TEXT[],
    "keywords" TEXT[],
    "classifications" TEXT[],
    "assignees" TEXT[],
    "venue" TEXT,
    "citation_count" INTEGER,
    "doi" TEXT,
    "patent_number" TEXT,
    "arxiv_id" TEXT,
    "pmid" TEXT,
    "dedup_key" TEXT NOT NULL,
    "content_hash" TEXT NOT NULL,
    "flags" TEXT[],
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "document_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "document_source" (
    "id" TEXT NOT NULL,
    "document_id" TEXT NOT NULL,
    "import_id" TEXT,
    "format" TEXT NOT NULL,
    "position" INTEGER,
    "external_id" TEXT,
    "raw" JSONB NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "document_source_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "scan" (
    "id" TEXT NOT NULL,
    "study_id" TEXT NOT NULL,
    "question" TEXT NOT NULL DEFAULT '',
    "parameters" JSONB NOT NULL DEFAULT '{}',
    "status" "JobStatus" NOT NULL DEFAULT 'QUEUED',
    "stage" TEXT NOT NULL DEFAULT 'queued',
    "progress" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "message" TEXT,
    "error" TEXT,
    "created_by_id" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "started_at" TIMESTAMP(3),
    "finished_at" TIMESTAMP(3),

    CONSTRAINT "scan_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "topic_run" (
    "id" TEXT NOT NULL,
    "study_id" TEXT NOT NULL,
    "scan_id" TEXT,
    "algorithm" TEXT NOT NULL,
    "model_version" TEXT NOT NULL,
    "k" INTEGER NOT NULL,
    "seed" INTEGER NOT NULL,
    "parameters" JSONB NOT NULL DEFAULT '{}',
    "status" "JobStatus" NOT NULL DEFAULT 'QUEUED',
    "progress" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "document_count" INTEGER NOT NULL DEFAULT 0,
    "token_count" INTEGER NOT NULL DEFAULT 0,
    "vocabulary_size" INTEGER NOT NULL DEFAULT 0,
    "sweeps" INTEGER NOT NULL DEFAULT 0,
    "log_likelihood" DOUBLE PRECISION,
    "coherence" DOUBLE PRECISION,
    "perplexity" DOUBLE PRECISION,
    "train_seconds" DOUBLE PRECISION,
    "model" JSONB,
    "error" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finished_at" TIMESTAMP(3),

    CONSTRAINT "topic_run_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "theme_set" (
    "id" TEXT NOT NULL,
    "study_id" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "origin" "ThemeSetOrigin" NOT NULL,
    "topic_run_id" TEXT,
    "parent_id" TEXT,
    "note" TEXT,
    "created_by_id" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "theme_set_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "theme_area" (
    "id" TEXT NOT NULL,
    "theme_set_id" TEXT NOT NULL,
    "parent_id" TEXT,
    "label" TEXT NOT NULL,
    "label_zh" TEXT,

    CONSTRAINT "theme_area_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "theme" (
    "id" TEXT NOT NULL,
    "theme_set_id" TEXT NOT NULL,
    "index" INTEGER NOT NULL,
    "label" TEXT NOT NULL,
    "label_zh" TEXT,
    "label_source" "LabelSource" NOT NULL DEFAULT 'MACHINE',
    "area_id" TEXT,
    "top_terms" JSONB NOT NULL,
    "weight" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "document_count" INTEGER NOT NULL DEFAULT 0,
    "evidence" JSONB NOT NULL DEFAULT '{}',
    "origin_ids" TEXT[],
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "theme_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "document_theme" (
    "theme_id" TEXT NOT NULL,
    "document_id" TEXT NOT NULL,
    "weight" DOUBLE PRECISION NOT NULL,

    CONSTRAINT "document_theme_pkey" PRIMARY KEY ("theme_id","document_id")
);

-- CreateTable
CREATE TABLE "theme_link" (
    "from_id" TEXT NOT NULL,
    "to_id" TEXT NOT NULL,
    "weight" DOUBLE PRECISION NOT NULL,

    CONSTRAINT "theme_link_pkey" PRIMARY KEY ("from_id","to_id")
);

-- CreateTable
CREATE TABLE "theme_year_stat" (
    "theme_id" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "document_count" INTEGER NOT NULL,
    "volume" DOUBLE PRECISION NOT NULL,
    "breakdown" JSONB NOT NULL DEFAULT '{}',

    CONSTRAINT "theme_year_stat_pkey" PRIMARY KEY ("theme_id","year")
);

-- CreateTable
CREATE TABLE "round" (
    "id" TEXT NOT NULL,
    "study_id" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "kind" "RoundKind" NOT NULL DEFAULT 'RATING',
    "title" TEXT NOT NULL DEFAULT '',
    "status" "RoundStatus" NOT NULL DEFAULT 'DRAFT',
    "theme_set_id" TEXT,
    "min_n" INTEGER NOT NULL DEFAULT 5,
    "deadline" TIMESTAMP(3),
    "opened_at" TIMESTAMP(3),
    "closed_at" TIMESTAMP(3),
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "round_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "consensus_rule" (
    "id" TEXT NOT NULL,
    "study_id" TEXT NOT NULL,
    "kind" "ConsensusRuleKind" NOT NULL,
    "question_key" TEXT NOT NULL,
    "params" JSONB NOT NULL DEFAULT '{}',
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "consensus_rule_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "item" (
    "id" TEXT NOT NULL,
    "round_id" TEXT NOT NULL,
    "theme_id" TEXT,
    "origin" "ItemOrigin" NOT NULL,
    "position" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "title_zh" TEXT,
    "description" TEXT NOT NULL DEFAULT '',
    "description_zh" TEXT,
    "evidence" JSONB NOT NULL DEFAULT '{}',
    "outcome" "ItemOutcome" NOT NULL DEFAULT 'PENDING',
    "previous_id" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "item_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "question" (
    "id" TEXT NOT NULL,
    "round_id" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "kind" "QuestionKind" NOT NULL,
    "position" INTEGER NOT NULL,
    "label" TEXT NOT NULL,
    "label_zh" TEXT,
    "config" JSONB NOT NULL DEFAULT '{}',
    "required" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "question_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "invitation" (
    "id" TEXT NOT NULL,
    "round_id" TEXT NOT NULL,
    "user_id" TEXT NOT NULL,
    "token_hash" TEXT,
    "token_expires_at" TIMESTAMP(3),
    "status" "InvitationStatus" NOT NULL DEFAULT 'PENDING',
    "sent_at" TIMESTAMP(3),
    "accepted_at" TIMESTAMP(3),
    "reminded_at" TIMESTAMP(3),
    "submitted_at" TIMESTAMP(3),
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "invitation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "answer" (
    "id" TEXT NOT NULL,
    "round_id" TEXT NOT NULL,
    "item_id" TEXT NOT NULL,
    "question_id" TEXT NOT NULL,
    "expert_id" TEXT NOT NULL,
    "numeric" DOUBLE PRECISION,
    "choice" TEXT,
    "choices" TEXT[],
    "text" TEXT,
    "dont_know" BOOLEAN NOT NULL DEFAULT false,
    "status" "AnswerStatus" NOT NULL DEFAULT 'DRAFT',
    "revision" INTEGER NOT NULL DEFAULT 1,
    "submitted_at" TIMESTAMP(3),
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "answer_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ranking" (
    "id" TEXT NOT NULL,
    "round_id" TEXT NOT NULL,
    "expert_id" TEXT NOT NULL,
    "item_ids" TEXT[],
    "submitted_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ranking_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "theme_familiarity" (
    "theme_id" TEXT NOT NULL,
    "user_id" TEXT NOT NULL,
    "level" INTEGER NOT NULL,

    CONSTRAINT "theme_familiarity_pkey" PRIMARY KEY ("theme_id","user_id")
);

-- CreateTable
CREATE TABLE "comment" (
    "id" TEXT NOT NULL,
    "round_id" TEXT NOT NULL,
    "item_id" TEXT NOT NULL,
    "author_id" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "status" "CommentStatus" NOT NULL DEFAULT 'VISIBLE',
    "moderated_by_id" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "comment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "curation_proposal" (
    "id" TEXT NOT NULL,
    "theme_set_id" TEXT NOT NULL,
    "kind" "ProposalKind" NOT NULL,
    "theme_ids" TEXT[],
    "payload" JSONB NOT NULL DEFAULT '{}',
    "reason" TEXT NOT NULL,
    "status" "ProposalStatus" NOT NULL DEFAULT 'OPEN',
    "proposed_by_id" TEXT NOT NULL,
    "decided_by_id" TEXT,
    "decided_at" TIMESTAMP(3),
    "result_theme_set_id" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "curation_proposal_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "proposal_vote" (
    "proposal_id" TEXT NOT NULL,
    "user_id" TEXT NOT NULL,
    "support" BOOLEAN NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "proposal_vote_pkey" PRIMARY KEY ("proposal_id","user_id")
);

-- CreateTable
CREATE TABLE "item_statistic" (
    "id" TEXT NOT NULL,
    "round_id" TEXT NOT NULL,
    "item_id" TEXT NOT NULL,
    "question_id" TEXT NOT NULL,
    "subgroup" TEXT NOT NULL,
    "n" INTEGER NOT NULL,
    "dont_know" INTEGER NOT NULL,
    "distribution" JSONB NOT NULL,
    "mean" DOUBLE PRECISION,
    "sd" DOUBLE PRECISION,
    "median" DOUBLE PRECISION,
    "q1" DOUBLE PRECISION,
    "q3" DOUBLE PRECISION,
    "iqr" DOUBLE PRECISION,
    "cv" DOUBLE PRECISION,
    "agreement" DOUBLE PRECISION,
    "importance_index" DOUBLE PRECISION,
    "quantile_method" TEXT NOT NULL DEFAULT 'hyndman-fan-7',
    "consensus" JSONB NOT NULL DEFAULT '{}',
    "suppressed" BOOLEAN NOT NULL DEFAULT false,
    "computed_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "item_statistic_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "report_template" (
    "id" TEXT NOT NULL,
    "study_id" TEXT NOT NULL,
    "kind" "ReportKind" NOT NULL,
    "name" TEXT NOT NULL,
    "schedule" TEXT,
    "params" JSONB NOT NULL DEFAULT '{}',
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "report_template_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "report" (
    "id" TEXT NOT NULL,
    "study_id" TEXT NOT NULL,
    "round_id" TEXT,
    "template_id" TEXT,
    "kind" "ReportKind" NOT NULL,
    "title" TEXT NOT NULL,
    "status" "JobStatus" NOT NULL DEFAULT 'QUEUED',
    "progress" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "content" JSONB,
    "error" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "generated_at" TIMESTAMP(3),

    CONSTRAINT "report_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "alert" (
    "id" TEXT NOT NULL,
    "study_id" TEXT NOT NULL,
    "theme_id" TEXT,
    "kind" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "message" TEXT NOT NULL,
    "data" JSONB NOT NULL DEFAULT '{}',
    "status" "AlertStatus" NOT NULL DEFAULT 'OPEN',
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "alert_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "alert_delivery" (
    "alert_id" TEXT NOT NULL,
    "user_id" TEXT NOT NULL,
    "read_at" TIMESTAMP(3),

    CONSTRAINT "alert_delivery_pkey" PRIMARY KEY ("alert_id","user_id")
);

-- CreateTable
CREATE TABLE "outbound_email" (
    "id" TEXT NOT NULL,
    "to" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "study_id" TEXT,
    "sent_at" TIMESTAMP(3),
    "error" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "outbound_email_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "audit_log" (
    "id" BIGSERIAL NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actor_id" TEXT,
    "study_id" TEXT,
    "action" TEXT NOT NULL,
    "entity" TEXT NOT NULL,
    "entity_id" TEXT,
    "data" JSONB NOT NULL DEFAULT '{}',

    CONSTRAINT "audit_log_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "user_email_key" ON "user"("email");

-- CreateIndex
CREATE UNIQUE INDEX "expert_profile_user_id_key" ON "expert_profile"("user_id");

-- CreateIndex
CREATE INDEX "expert_profile_sector_idx" ON "expert_profile"("sector");

-- CreateIndex
CREATE UNIQUE INDEX "study_name_key" ON "study"("name");

-- CreateIndex
CREATE UNIQUE INDEX "source_study_id_name_key" ON "source"("study_id", "name");

-- CreateIndex
CREATE INDEX "import_study_id_created_at_idx" ON "import"("study_id", "created_at");

-- CreateIndex
CREATE INDEX "import_status_idx" ON "import"("status");

-- CreateIndex
CREATE INDEX "import_error_import_id_record_idx" ON "import_error"("import_id", "record");

-- CreateIndex
CREATE INDEX "document_study_id_year_idx" ON "document"("study_id", "year");

-- CreateIndex
CREATE INDEX "document_study_id_doi_idx" ON "document"("study_id", "doi");

-- CreateIndex
CREATE INDEX "document_study_id_patent_number_idx" ON "document"("study_id", "patent_number");

-- CreateIndex
CREATE UNIQUE INDEX "document_study_id_dedup_key_key" ON "document"("study_id", "dedup_key");

-- CreateIndex
CREATE INDEX "document_source_import_id_idx" ON "document_source"("import_id");

-- CreateIndex
CREATE UNIQUE INDEX "document_source_document_id_import_id_position_key" ON "document_source"("document_id", "import_id", "position");

-- CreateIndex
CREATE INDEX "scan_study_id_created_at_idx" ON "scan"("study_id", "created_at");

-- CreateIndex
CREATE INDEX "topic_run_study_id_idx" ON "topic_run"("study_id");

-- CreateIndex
CREATE UNIQUE INDEX "theme_set_study_id_version_key" ON "theme_set"("study_id", "version");

-- CreateIndex
CREATE INDEX "theme_area_theme_set_id_idx" ON "theme_area"("theme_set_id");

-- CreateIndex
CREATE UNIQUE INDEX "theme_theme_set_id_index_key" ON "theme"("theme_set_id", "index");

-- CreateIndex
CREATE INDEX "document_theme_document_id_idx" ON "document_theme"("document_id");

-- CreateIndex
CREATE UNIQUE INDEX "round_study_id_number_key" ON "round"("study_id", "number");

-- CreateIndex
CREATE INDEX "consensus_rule_study_id_idx" ON "consensus_rule"("study_id");

-- CreateIndex
CREATE INDEX "item_theme_id_idx" ON "item"("theme_id");

-- CreateIndex
CREATE UNIQUE INDEX "item_round_id_position_key" ON "item"("round_id", "position");

-- CreateIndex
CREATE UNIQUE INDEX "question_round_id_key_key" ON "question"("round_id", "key");

-- CreateIndex
CREATE UNIQUE INDEX "invitation_token_hash_key" ON "invitation"("token_hash");

-- CreateIndex
CREATE UNIQUE INDEX "invitation_round_id_user_id_key" ON "invitation"("round_id", "user_id");

-- CreateIndex
CREATE INDEX "answer_item_id_question_id_idx" ON "answer"("item_id", "question_id");

-- CreateIndex
CREATE UNIQUE INDEX "answer_round_id_item_id_question_id_expert_id_key" ON "answer"("round_id", "item_id", "question_id", "expert_id");

-- CreateIndex
CREATE UNIQUE INDEX "ranking_round_id_expert_id_key" ON "ranking"("round_id", "expert_id");

-- CreateIndex
CREATE INDEX "comment_item_id_created_at_idx" ON "comment"("item_id", "created_at");

-- CreateIndex
CREATE INDEX "curation_proposal_theme_set_id_status_idx" ON "curation_proposal"("theme_set_id", "status");

-- CreateIndex
CREATE UNIQUE INDEX "item_statistic_round_id_item_id_question_id_subgroup_key" ON "item_statistic"("round_id", "item_id", "question_id", "subgroup");

-- CreateIndex
CREATE INDEX "report_study_id_created_at_idx" ON "report"("study_id", "created_at");

-- CreateIndex
CREATE INDEX "alert_study_id_created_at_idx" ON "alert"("study_id", "created_at");

-- CreateIndex
CREATE INDEX "outbound_email_created_at_idx" ON "outbound_email"("created_at");

-- CreateIndex
CREATE INDEX "audit_log_study_id_at_idx" ON "audit_log"("study_id", "at");

-- CreateIndex
CREATE INDEX "audit_log_entity_entity_id_idx" ON "audit_log"("entity", "entity_id");

-- AddForeignKey
ALTER TABLE "expert_profile" ADD CONSTRAINT "expert_profile_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "study" ADD CONSTRAINT "study_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "study_watcher" ADD CONSTRAINT "study_watcher_study_id_fkey" FOREIGN KEY ("study_id") REFERENCES "study"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "study_watcher" ADD CONSTRAINT "study_watcher_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "source" ADD CONSTRAINT "source_study_id_fkey" FOREIGN KEY ("study_id") REFERENCES "study"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "import" ADD CONSTRAINT "import_study_id_fkey" FOREIGN KEY ("study_id") REFERENCES "study"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "import" ADD CONSTRAINT "import_source_id_fkey" FOREIGN KEY ("source_id") REFERENCES "source"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "import" ADD CONSTRAINT "import_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "upload_chunk" ADD CONSTRAINT "upload_chunk_import_id_fkey" FOREIGN KEY ("import_id") REFERENCES "import"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "import_error" ADD CONSTRAINT "import_error_import_id_fkey" FOREIGN KEY ("import_id") REFERENCES "import"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "document" ADD CONSTRAINT "document_study_id_fkey" FOREIGN KEY ("study_id") REFERENCES "study"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "document_source" ADD CONSTRAINT "document_source_document_id_fkey" FOREIGN KEY ("document_id") REFERENCES "document"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "document_source" ADD CONSTRAINT "document_source_import_id_fkey" FOREIGN KEY ("import_id") REFERENCES "import"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "scan" ADD CONSTRAINT "scan_study_id_fkey" FOREIGN KEY ("study_id") REFERENCES "study"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "scan" ADD CONSTRAINT "scan_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "topic_run" ADD CONSTRAINT "topic_run_study_id_fkey" FOREIGN KEY ("study_id") REFERENCES "study"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "topic_run" ADD CONSTRAINT "topic_run_scan_id_fkey" FOREIGN KEY ("scan_id") REFERENCES "scan"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "theme_set" ADD CONSTRAINT "theme_set_study_id_fkey" FOREIGN KEY ("study_id") REFERENCES "study"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "theme_set" ADD CONSTRAINT "theme_set_topic_run_id_fkey" FOREIGN KEY ("topic_run_id") REFERENCES "topic_run"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "theme_set" ADD CONSTRAINT "theme_set_parent_id_fkey" FOREIGN KEY ("parent_id") REFERENCES "theme_set"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "theme_area" ADD CONSTRAINT "theme_area_theme_set_id_fkey" FOREIGN KEY ("theme_set_id") REFERENCES "theme_set"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "theme_area" ADD CONSTRAINT "theme_area_parent_id_fkey" FOREIGN KEY ("parent_id") REFERENCES "theme_area"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "theme" ADD CONSTRAINT "theme_theme_set_id_fkey" FOREIGN KEY ("theme_set_id") REFERENCES "theme_set"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "theme" ADD CONSTRAINT "theme_area_id_fkey" FOREIGN KEY ("area_id") REFERENCES "theme_area"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "document_theme" ADD CONSTRAINT "document_theme_theme_id_fkey" FOREIGN KEY ("theme_id") REFERENCES "theme"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "document_theme" ADD CONSTRAINT "document_theme_document_id_fkey" FOREIGN KEY ("document_id") REFERENCES "document"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "theme_link" ADD CONSTRAINT "theme_link_from_id_fkey" FOREIGN KEY ("from_id") REFERENCES "theme"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "theme_link" ADD CONSTRAINT "theme_link_to_id_fkey" FOREIGN KEY ("to_id") REFERENCES "theme"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "theme_year_stat" ADD CONSTRAINT "theme_year_stat_theme_id_fkey" FOREIGN KEY ("theme_id") REFERENCES "theme"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "round" ADD CONSTRAINT "round_study_id_fkey" FOREIGN KEY ("study_id") REFERENCES "study"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "round" ADD CONSTRAINT "round_theme_set_id_fkey" FOREIGN KEY ("theme_set_id") REFERENCES "theme_set"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "consensus_rule" ADD CONSTRAINT "consensus_rule_study_id_fkey" FOREIGN KEY ("study_id") REFERENCES "study"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "item" ADD CONSTRAINT "item_round_id_fkey" FOREIGN KEY ("round_id") REFERENCES "round"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "item" ADD CONSTRAINT "item_theme_id_fkey" FOREIGN KEY ("theme_id") REFERENCES "theme"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "item" ADD CONSTRAINT "item_previous_id_fkey" FOREIGN KEY ("previous_id") REFERENCES "item"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "question" ADD CONSTRAINT "question_round_id_fkey" FOREIGN KEY ("round_id") REFERENCES "round"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "invitation" ADD CONSTRAINT "invitation_round_id_fkey" FOREIGN KEY ("round_id") REFERENCES "round"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "invitation" ADD CONSTRAINT "invitation_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "answer" ADD CONSTRAINT "answer_round_id_fkey" FOREIGN KEY ("round_id") REFERENCES "round"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "answer" ADD CONSTRAINT "answer_item_id_fkey" FOREIGN KEY ("item_id") REFERENCES "item"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "answer" ADD CONSTRAINT "answer_question_id_fkey" FOREIGN KEY ("question_id") REFERENCES "question"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "answer" ADD CONSTRAINT "answer_expert_id_fkey" FOREIGN KEY ("expert_id") REFERENCES "user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ranking" ADD CONSTRAINT "ranking_round_id_fkey" FOREIGN KEY ("round_id") REFERENCES "round"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ranking" ADD CONSTRAINT "ranking_expert_id_fkey" FOREIGN KEY ("expert_id") REFERENCES "user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "theme_familiarity" ADD CONSTRAINT "theme_familiarity_theme_id_fkey" FOREIGN KEY ("theme_id") REFERENCES "theme"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "theme_familiarity" ADD CONSTRAINT "theme_familiarity_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "comment" ADD CONSTRAINT "comment_round_id_fkey" FOREIGN KEY ("round_id") REFERENCES "round"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "comment" ADD CONSTRAINT "comment_item_id_fkey" FOREIGN KEY ("item_id") REFERENCES "item"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "comment" ADD CONSTRAINT "comment_author_id_fkey" FOREIGN KEY ("author_id") REFERENCES "user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "curation_proposal" ADD CONSTRAINT "curation_proposal_theme_set_id_fkey" FOREIGN KEY ("theme_set_id") REFERENCES "theme_set"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "curation_proposal" ADD CONSTRAINT "curation_proposal_result_theme_set_id_fkey" FOREIGN KEY ("result_theme_set_id") REFERENCES "theme_set"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "curation_proposal" ADD CONSTRAINT "curation_proposal_proposed_by_id_fkey" FOREIGN KEY ("proposed_by_id") REFERENCES "user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "proposal_vote" ADD CONSTRAINT "proposal_vote_proposal_id_fkey" FOREIGN KEY ("proposal_id") REFERENCES "curation_proposal"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "proposal_vote" ADD CONSTRAINT "proposal_vote_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "item_statistic" ADD CONSTRAINT "item_statistic_round_id_fkey" FOREIGN KEY ("round_id") REFERENCES "round"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "item_statistic" ADD CONSTRAINT "item_statistic_item_id_fkey" FOREIGN KEY ("item_id") REFERENCES "item"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "item_statistic" ADD CONSTRAINT "item_statistic_question_id_fkey" FOREIGN KEY ("question_id") REFERENCES "question"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "report_template" ADD CONSTRAINT "report_template_study_id_fkey" FOREIGN KEY ("study_id") REFERENCES "study"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "report" ADD CONSTRAINT "report_study_id_fkey" FOREIGN KEY ("study_id") REFERENCES "study"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "report" ADD CONSTRAINT "report_round_id_fkey" FOREIGN KEY ("round_id") REFERENCES "round"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "report" ADD CONSTRAINT "report_template_id_fkey" FOREIGN KEY ("template_id") REFERENCES "report_template"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "alert" ADD CONSTRAINT "alert_study_id_fkey" FOREIGN KEY ("study_id") REFERENCES "study"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "alert" ADD CONSTRAINT "alert_theme_id_fkey" FOREIGN KEY ("theme_id") REFERENCES "theme"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "alert_delivery" ADD CONSTRAINT "alert_delivery_alert_id_fkey" FOREIGN KEY ("alert_id") REFERENCES "alert"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "alert_delivery" ADD CONSTRAINT "alert_delivery_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "user"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- The audit log is append-only: no row is ever changed or removed. (TRUNCATE, an owner-only
-- maintenance operation, stays possible so test databases can be reset.)
CREATE FUNCTION "audit_log_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only';
END;
$$;

CREATE TRIGGER "audit_log_no_update_or_delete"
  BEFORE UPDATE OR DELETE ON "audit_log"
  FOR EACH ROW EXECUTE FUNCTION "audit_log_append_only"();

