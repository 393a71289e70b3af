// A table streamed to the browser as CSV or .xlsx, row by row, so a study of any size is exported in
// constant memory: rows come from an async generator that reads the database a page at a time.
import { PassThrough, Readable } from "node:stream";
import ExcelJS from "exceljs";
import { csvCell } from "@/lib/csv-export";
import { xlsxValue, type CellValue } from "./cells";

export type ExportColumn = { header: string; width?: number };
export type ExportTable = {
  /** Sheet name and file-name part, e.g. "documents". */
  name: string;
  columns: ExportColumn[];
  rows: AsyncIterable<CellValue[]>;
};
export type ExportFormat = "csv" | "xlsx";

export const CONTENT_TYPE: Record<ExportFormat, string> = {
  csv: "text/csv; charset=utf-8",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
};

const csvLine = (cells: readonly unknown[]) => `${cells.map((c) => csvCell(c instanceof Date ? c.toISOString() : c)).join(",")}\r\n`;

/**
 * CSV (RFC 4180) with a UTF-8 byte-order mark, without which Excel reads Chinese text as mojibake.
 */
export function csvStream(table: ExportTable): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const iterator = table.rows[Symbol.asyncIterator]();
  let started = false;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!started) {
        started = true;
        controller.enqueue(encoder.encode(`\uFEFF${csvLine(table.columns.map((c) => c.header))}`));
        return;
      }
      // A few hundred rows per chunk: fewer, larger writes.
      let chunk = "";
      for (let i = 0; i < 200; i++) {
        const next = await iterator.next();
        if (next.done) {
          if (chunk) controller.enqueue(encoder.encode(chunk));
          controller.close();
          return;
        }
        chunk += csvLine(next.value);
      }
      controller.enqueue(encoder.encode(chunk));
    },
    async cancel() {
      await iterator.return?.();
    },
  });
}

/** Excel's sheet names: at most 31 characters, none of : \ / ? * [ ]. */
export const sheetName = (name: string) => name.replace(/[:\\/?*[\]]/g, " ").slice(0, 31) || "Sheet1";

/**
 * An .xlsx workbook with one sheet, written by exceljs's streaming writer: each row is committed
 * (and leaves memory) as soon as it is added. No shared-strings table, so nothing grows with the rows.
 */
export function xlsxStream(table: ExportTable): ReadableStream<Uint8Array> {
  const output = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: output, useStyles: true, useSharedStrings: false });
  const sheet = workbook.addWorksheet(sheetName(table.name), { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.columns = table.columns.map((c, i) => ({ key: String(i), width: c.width ?? Math.min(60, Math.max(10, c.header.length + 2)) }));
  void (async () => {
    try {
      const header = sheet.addRow(table.columns.map((c) => xlsxValue(c.header)));
      header.font = { bold: true };
      header.commit();
      for await (const row of table.rows) {
        sheet.addRow(row.map(xlsxValue)).commit();
        // Respect back-pressure: wait while the browser is slower than the database.
        if (output.writableNeedDrain) await new Promise((resolve) => output.once("drain", resolve));
      }
      sheet.commit();
      await workbook.commit();
    } catch (error) {
      output.destroy(error as Error);
    }
  })();
  return Readable.toWeb(output) as ReadableStream<Uint8Array>;
}

export function tableStream(table: ExportTable, format: ExportFormat): ReadableStream<Uint8Array> {
  return format === "xlsx" ? xlsxStream(table) : csvStream(table);
}
