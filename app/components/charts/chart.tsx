"use client";
// One ECharts chart with what every dashboard chart needs: an accessible name, a loading and an empty
// state, a data table for screen readers and print (the children), clicks for drill-down, resizing,
// and — once ECharts has drawn — the series it holds (its own getOption()) in data-echarts-series,
// which the browser tests compare with the database.
import { useEffect, useRef, useState } from "react";
import { useLocale, useTranslations } from "next-intl";
import type { ChartOption, ECElementEvent, EChartsType } from "./echarts-core";
import "./charts.css";

export type ChartClick = ECElementEvent;

type Props = {
  id: string;
  title: string;
  /** One or two sentences: what the chart shows and how to read it. */
  description: string;
  option: ChartOption;
  height?: number;
  empty?: boolean;
  emptyText?: string;
  /** The chart is passed too, for pixel ↔ data conversions. */
  onClick?: (event: ChartClick, chart: EChartsType) => void;
  /** The data table fallback (and the keyboard path to the drill-down). */
  children?: React.ReactNode;
};

/** What the tests and the accessibility tree need from getOption(): each series' type, name and data. */
function seriesSummary(option: Record<string, unknown>): unknown[] {
  const series = (option.series ?? []) as Record<string, unknown>[];
  return series.map((s) => ({ type: s.type, name: s.name ?? null, data: s.data ?? null, links: s.links ?? s.edges ?? null }));
}

export function Chart({ id, title, description, option, height = 380, empty = false, emptyText, onClick, children }: Props) {
  const t = useTranslations("charts");
  const locale = useLocale();
  const ref = useRef<HTMLDivElement>(null);
  const tableRef = useRef<HTMLDetailsElement>(null);
  const click = useRef(onClick);
  const [state, setState] = useState<"loading" | "ready" | "failed">("loading");

  useEffect(() => {
    click.current = onClick;
  }, [onClick]);

  useEffect(() => {
    if (empty || !ref.current) return;
    const element = ref.current;
    let disposed = false;
    let dispose = () => {};
    import("./echarts-core")
      .then(({ init }) => {
        if (disposed) return;
        const chart = init(element, null, { renderer: "canvas", locale: locale === "zh" ? "ZH" : "EN" });
        chart.on("finished", () => {
          element.dataset.echartsSeries = JSON.stringify(seriesSummary(chart.getOption() as Record<string, unknown>));
          element.dataset.rendered = "true";
        });
        chart.on("click", (event) => click.current?.(event as ChartClick, chart));
        chart.setOption(option);
        const observer = new ResizeObserver(() => chart.resize());
        observer.observe(element);
        dispose = () => {
          observer.disconnect();
          chart.dispose();
        };
        setState("ready");
      })
      .catch((error) => {
        console.error(error);
        if (!disposed) setState("failed");
      });
    return () => {
      disposed = true;
      dispose();
      delete element.dataset.rendered;
    };
  }, [option, locale, empty]);

  // Printing shows the data tables, which a closed <details> would hide.
  useEffect(() => {
    const open = () => tableRef.current?.setAttribute("open", "");
    window.addEventListener("beforeprint", open);
    return () => window.removeEventListener("beforeprint", open);
  }, []);

  const titleId = `${id}-title`;
  return (
    <figure className="chart card" aria-labelledby={titleId} data-chart={id}>
      <figcaption>
        <h3 id={titleId}>{title}</h3>
        <p className="muted">{description}</p>
      </figcaption>
      {empty ? (
        <p className="chart-empty muted" role="status">{emptyText ?? t("empty")}</p>
      ) : (
        <div className="chart-area" style={{ height }}>
          {state === "loading" && <p className="chart-loading muted" role="status">{t("loading")}</p>}
          {state === "failed" && <p className="error" role="alert">{t("failed")}</p>}
          <div ref={ref} className="chart-canvas" role="img" aria-label={`${title}. ${description}`} data-testid={`chart-${id}`} style={{ height }} />
        </div>
      )}
      {children && !empty && (
        <details className="chart-data" ref={tableRef}>
          <summary>{t("dataTable")}</summary>
          {children}
        </details>
      )}
    </figure>
  );
}
