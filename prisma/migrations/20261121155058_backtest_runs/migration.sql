-- CreateTable
CREATE TABLE "backtest_run" (
    "id" TEXT NOT NULL,
    "study_id" TEXT NOT NULL,
    "until" INTEGER NOT NULL,
    "horizon" INTEGER NOT NULL,
    "k" INTEGER NOT NULL,
    "seed" INTEGER NOT NULL,
    "iterations" INTEGER NOT NULL,
    "status" "JobStatus" NOT NULL DEFAULT 'QUEUED',
    "stage" TEXT NOT NULL DEFAULT 'queued',
    "progress" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "error" TEXT,
    "report" JSONB,
    "created_by_id" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "started_at" TIMESTAMP(3),
    "finished_at" TIMESTAMP(3),

    CONSTRAINT "backtest_run_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "backtest_run_study_id_created_at_idx" ON "backtest_run"("study_id", "created_at");

-- AddForeignKey
ALTER TABLE "backtest_run" ADD CONSTRAINT "backtest_run_study_id_fkey" FOREIGN KEY ("study_id") REFERENCES "study"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "backtest_run" ADD CONSTRAINT "backtest_run_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "user"("id") ON DELETE SET NULL ON UPDATE CASCADE;
