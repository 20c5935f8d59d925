import Papa from 'papaparse';

/**
 * What a batch takes at most. 500 leads are a day's trade-show list, and cost 5,000 documented
 * tokens in creates alone; 256 kB of text is 500 rows of about 500 characters, more than a
 * spreadsheet row of lead details holds.
 */
export const MAX_BATCH_ROWS = 500;
export const MAX_BATCH_BYTES = 256 * 1024;
/** A spreadsheet wider than this is not a list of leads; the rest of each row is left out. */
export const MAX_BATCH_COLUMNS = 30;
/** One cell: the longest value the form takes is a 10,000-character note. */
export const MAX_CELL_LENGTH = 10_000;

export type Delimiter = 'tab' | 'comma' | 'semicolon';

export type PastedRows =
  | {
      ok: true;
      /** Every row read, the header row (if any) included, each cut to `MAX_BATCH_COLUMNS`. */
      rows: string[][];
      delimiter: Delimiter;
      /** Rows beyond the cap that were left out (counted after the first `MAX_BATCH_ROWS + 1`). */
      rowsLeftOut: number;
      /** Columns beyond the cap that were left out of the widest row. */
      columnsLeftOut: number;
    }
  | { ok: false; reason: 'empty' | 'too-large'; bytes: number };

const utf8Length = (text: string) => new TextEncoder().encode(text).length;

/**
 * Spreadsheets put a selection on the clipboard as tab-separated text; a CSV file's text has
 * commas, or semicolons where the comma is the decimal mark. The first line decides: tabs win
 * (a name may hold a comma), then whichever of comma or semicolon it has more of.
 */
function delimiterOf(text: string): Delimiter {
  const firstLine = text.split(/\r\n|\n|\r/, 1)[0] ?? '';
  if (firstLine.includes('\t')) return 'tab';
  const count = (mark: string) => firstLine.split(mark).length - 1;
  return count(';') > count(',') ? 'semicolon' : 'comma';
}

const DELIMITER_CHARACTER = { tab: '\t', comma: ',', semicolon: ';' } as const;

/**
 * Pasted text as rows of cells. Quoted cells (a line break or a delimiter inside quotes) are read
 * as spreadsheets write them; blank lines are dropped; cells are trimmed and cut to
 * `MAX_CELL_LENGTH`. Text over `MAX_BATCH_BYTES` is refused whole rather than cut mid-row.
 */
export function readPastedRows(text: string, maxDataRows = MAX_BATCH_ROWS): PastedRows {
  const bytes = utf8Length(text);
  if (bytes > MAX_BATCH_BYTES) return { ok: false, reason: 'too-large', bytes };
  const delimiter = delimiterOf(text);
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), {
    delimiter: DELIMITER_CHARACTER[delimiter],
    skipEmptyLines: 'greedy',
  });
  const rows = parsed.data.filter((row) => row.some((cell) => cell.trim() !== ''));
  if (rows.length === 0) return { ok: false, reason: 'empty', bytes };
  const widest = Math.max(...rows.map((row) => row.length));
  // One spare row: the first may be a header, which is not a lead.
  const kept = rows
    .slice(0, maxDataRows + 1)
    .map((row) => row.slice(0, MAX_BATCH_COLUMNS).map((cell) => cell.trim().slice(0, MAX_CELL_LENGTH)));
  return {
    ok: true,
    rows: kept,
    delimiter,
    rowsLeftOut: rows.length - kept.length,
    columnsLeftOut: Math.max(0, widest - MAX_BATCH_COLUMNS),
  };
}
