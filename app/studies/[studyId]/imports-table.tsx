import { getTranslations } from "next-intl/server";

type ImportRow = {
  id: string;
  fileName: string | null;
  format: string | null;
  status: string;
  progress: number;
  recordsRead: number;
  recordsImported: number;
  recordsDuplicate: number;
  recordsRejected: number;
  error: string | null;
  _count: { errors: number };
};

export async function ImportsTable({ imports }: { imports: ImportRow[] }) {
  const t = await getTranslations("imports");
  const ts = await getTranslations("status");
  return (
    <table>
      <thead>
        <tr><th>{t("file")}</th><th>{t("format")}</th><th>{t("status")}</th><th>{t("records")}</th><th>{t("imported")}</th><th>{t("duplicates")}</th><th>{t("rejected")}</th></tr>
      </thead>
      <tbody>
        {imports.map((i) => (
          <tr key={i.id} data-testid="import-row">
            <td>{i.fileName}</td>
            <td>{i.format ?? "—"}</td>
            <td>
              <span className={`badge ${i.status}`}>{ts(i.status)}</span>{" "}
              {(i.status === "RUNNING" || i.status === "QUEUED") && <progress value={i.progress} max={1} aria-label={t("progress")} />}
              {i.error && <div className="error">{i.error}</div>}
            </td>
            <td>{i.recordsRead}</td>
            <td>{i.recordsImported}</td>
            <td>{i.recordsDuplicate}</td>
            <td>
              {i.recordsRejected}
              {i._count.errors > 0 && (
                <>
                  {" "}
                  <a href={`/api/imports/${i.id}/errors`}>{t("errorReport")}</a>
                </>
              )}
            </td>
          </tr>
        ))}
        {imports.length === 0 && <tr><td colSpan={7} className="muted">{t("none")}</td></tr>}
      </tbody>
    </table>
  );
}
