"use client";
// Opens the browser's print dialog, where "Save as PDF" gives the A4 report (globals.css, print section).
export function PrintButton({ label }: { label: string }) {
  return (
    <button type="button" className="secondary" onClick={() => window.print()} data-testid="print-report">
      {label}
    </button>
  );
}
