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

export function ImportsTable({ imports }: { imports: ImportRow[] }) {
  return (
    <table>
      <thead>
        <tr><th>File</th><th>Format</th><th>Status</th><th>Records</th><th>Imported</th><th>Duplicates</th><th>Rejected</th></tr>
      </thead>
      <tbody>
        {imports.map((i) => (
          <tr key={i.id} data-testid="import-row">
            <td>{i.fileName}</td>
            <td>{i.format ?? "—"}</td>
            <td>
              <span className={`badge ${i.status}`}>{i.status.toLowerCase()}</span>{" "}
              {(i.status === "RUNNING" || i.status === "QUEUED") && <progress value={i.progress} max={1} aria-label="Import progress" />}
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
                  <a href={`/api/imports/${i.id}/errors`}>error report</a>
                </>
              )}
            </td>
          </tr>
        ))}
        {imports.length === 0 && <tr><td colSpan={7} className="muted">No imports yet.</td></tr>}
      </tbody>
    </table>
  );
}
