/** A batch as an XLSX workbook: one sheet per template file (named like it, without `.csv`), cells as text. */
import writeXlsxFile from 'write-excel-file/node';
import { BATCH_KEYS, type GraphBatch } from '../domain/model.ts';
import { CSV_FILES } from '../import/csv-format.ts';
import { templateTable } from './csv.ts';

export const sheetName = (file: string): string => file.replace(/\.csv$/, '');

export async function writeXlsx(batch: GraphBatch): Promise<Buffer> {
  const sheets = BATCH_KEYS.map((key) => {
    const { header, rows } = templateTable(batch, key);
    const cell = (value: string, bold = false) => ({ value, type: String, ...(bold ? { fontWeight: 'bold' as const } : {}) });
    return {
      sheet: sheetName(CSV_FILES[key].file),
      data: [header.map((h) => cell(h, true)), ...rows.map((r) => r.map((v) => cell(v)))],
      stickyRowsCount: 1,
    };
  });
  return writeXlsxFile(sheets).toBuffer();
}
