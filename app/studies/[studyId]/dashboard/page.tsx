import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requirePageViewer } from "@/lib/auth/session";
import { can } from "@/lib/auth/permissions";
import { getDashboard } from "@/lib/dashboard/get-dashboard";
import { requestLocale } from "@/lib/i18n/request";
import { formatCompact, formatDate, formatNumber } from "@/lib/i18n/format";
import { RiverChart } from "@/app/components/charts/river-chart";
import { BubbleChart } from "@/app/components/charts/bubble-chart";
import { TopicMapChart } from "@/app/components/charts/topic-map-chart";
import { NetworkChart } from "@/app/components/charts/network-chart";
import { HierarchyChart } from "@/app/components/charts/hierarchy-chart";
import { LeadershipChart } from "@/app/components/charts/leadership-chart";
import { CollaborationChart } from "@/app/components/charts/collaboration-chart";
import { ImportanceChart } from "@/app/components/charts/importance-chart";
import { WatchListPanel } from "./watch-list-panel";
import { ExportsPanel } from "./exports-panel";
import { notFoundOnAppError } from "./not-found-on";
import "./dashboard.css";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ studyId: string }>; searchParams: Promise<{ version?: string | string[] }> };

const SECTIONS = ["watch", "trends", "structure", "countries", "experts", "exports"] as const;

export async function generateMetadata() {
  const t = await getTranslations("dashboard");
  return { title: `${t("title")} · Foresight` };
}

export default async function DashboardPage({ params, searchParams }: Props) {
  const viewer = await requirePageViewer(can.viewStudy);
  const { studyId } = await params;
  const raw = (await searchParams).version;
  const version = Number(Array.isArray(raw) ? raw[0] : raw);
  const dashboard = await getDashboard(studyId, { version: Number.isInteger(version) && version > 0 ? version : undefined }).catch(notFoundOnAppError);
  const locale = await requestLocale();
  const t = await getTranslations("dashboard");
  const { study } = dashboard;

  const header = (
    <>
      <p><Link href={`/studies/${study.id}`}>← {study.name}</Link></p>
      <h1>{t("heading", { study: study.name })}</h1>
      {study.question && <p>{study.question}</p>}
    </>
  );
  if (!dashboard.themeSet) {
    return (
      <>
        {header}
        <p className="muted card" role="status">{t("noThemes")}</p>
        <h2 id="exports">{t("sections.exports")}</h2>
        <ExportsPanel dashboard={dashboard} admin={can.manageRounds(viewer)} />
      </>
    );
  }

  const { themeSet, themes } = dashboard;
  const emerging = dashboard.watchList.filter((e) => e.flags.includes("emerging")).length;
  const open = dashboard.alerts.filter((a) => a.status === "OPEN").length;
  const years = dashboard.river.years;
  const byVolume = [...themes].sort((a, b) => (b.volume ?? 0) - (a.volume ?? 0)).map((x) => x.id);
  const importance = dashboard.importance;

  return (
    <article className="dashboard" data-testid="dashboard" data-theme-set={themeSet.id}>
      {header}
      <p className="muted" data-testid="dashboard-basis">
        {t("basis", { version: themeSet.version, origin: t(`origin.${themeSet.origin}`), date: formatDate(locale, themeSet.createdAt), until: dashboard.untilYear ?? "—" })}
      </p>
      {dashboard.versions.length > 1 && (
        <form method="get" className="inline">
          <label>
            {t("version")}
            <select name="version" defaultValue={themeSet.version}>
              {dashboard.versions.map((v) => <option key={v} value={v}>{t("versionOption", { version: v })}</option>)}
            </select>
          </label>
          <button type="submit" className="secondary">{t("show")}</button>
        </form>
      )}

      <dl className="kpis" data-testid="kpis">
        <div><dt>{t("kpi.documents")}</dt><dd data-testid="kpi-documents" title={formatNumber(locale, study.documents, 0)}>{formatNumber(locale, study.documents, 0)}</dd></div>
        <div><dt>{t("kpi.themes")}</dt><dd>{formatNumber(locale, themes.length, 0)}</dd></div>
        <div><dt>{t("kpi.years")}</dt><dd>{years.length ? `${years[0]}–${years[years.length - 1]}` : "—"}</dd></div>
        <div><dt>{t("kpi.volume")}</dt><dd data-testid="kpi-volume">{formatCompact(locale, themes.reduce((s, x) => s + (x.volume ?? 0), 0))}</dd></div>
        <div><dt>{t("kpi.emerging")}</dt><dd>{formatNumber(locale, emerging, 0)}</dd></div>
        <div><dt>{t("kpi.openAlerts")}</dt><dd>{formatNumber(locale, open, 0)}</dd></div>
      </dl>

      <nav aria-label={t("contents")} className="toc">
        {SECTIONS.map((s) => <a key={s} href={`#${s}`}>{t(`sections.${s}`)}</a>)}
      </nav>

      <section aria-labelledby="watch">
        <h2 id="watch">{t("sections.watch")}</h2>
        <WatchListPanel dashboard={dashboard} locale={locale} />
      </section>

      <section aria-labelledby="trends">
        <h2 id="trends">{t("sections.trends")}</h2>
        <RiverChart studyId={study.id} river={dashboard.river} themes={themes} />
        <BubbleChart studyId={study.id} bubbles={dashboard.bubbles} themes={themes} />
      </section>

      <section aria-labelledby="structure">
        <h2 id="structure">{t("sections.structure")}</h2>
        <TopicMapChart studyId={study.id} map={dashboard.topicMap} themes={themes} />
        <NetworkChart studyId={study.id} network={dashboard.network} themes={themes} />
        <HierarchyChart studyId={study.id} hierarchy={dashboard.hierarchy} themes={themes} rootName={t("versionOption", { version: themeSet.version })} />
      </section>

      <section aria-labelledby="countries">
        <h2 id="countries">{t("sections.countries")}</h2>
        <LeadershipChart studyId={study.id} leadership={dashboard.leadership} themes={themes} />
        <CollaborationChart studyId={study.id} collaboration={dashboard.collaboration} themes={themes} order={byVolume} />
      </section>

      <section aria-labelledby="experts">
        <h2 id="experts">{t("sections.experts")}</h2>
        <ImportanceChart
          boxes={importance?.boxes ?? []}
          roundLabel={importance ? importance.title || t("exports.roundNumber", { number: importance.number }) : null}
          minN={importance?.minN ?? null}
          scale={importance?.scale ?? [1, 5]}
        />
      </section>

      <section aria-labelledby="exports">
        <h2 id="exports">{t("sections.exports")}</h2>
        <ExportsPanel dashboard={dashboard} admin={can.manageRounds(viewer)} />
      </section>
    </article>
  );
}
