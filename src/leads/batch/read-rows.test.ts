import { describe, expect, it } from 'vitest';
import { MAX_BATCH_BYTES, MAX_BATCH_COLUMNS, MAX_CELL_LENGTH, readPastedRows } from './read-rows.ts';

describe('readPastedRows', () => {
  it('reads a spreadsheet selection (tabs), keeping commas inside cells', () => {
    const read = readPastedRows('Title\tOrganization\nChairs, forty\tGlobex, Inc.\n');
    expect(read).toEqual({
      ok: true,
      rows: [
        ['Title', 'Organization'],
        ['Chairs, forty', 'Globex, Inc.'],
      ],
      delimiter: 'tab',
      rowsLeftOut: 0,
      columnsLeftOut: 0,
    });
  });

  it('reads CSV with quoted cells holding commas, quotes and line breaks', () => {
    const read = readPastedRows('title,note\r\n"Desks, 12","He said ""soon""\nthen left"\r\n');
    expect(read.ok && read.rows).toEqual([
      ['title', 'note'],
      ['Desks, 12', 'He said "soon"\nthen left'],
    ]);
    expect(read.ok && read.delimiter).toBe('comma');
  });

  it('reads semicolon CSV, as spreadsheets write it where the comma is the decimal mark', () => {
    const read = readPastedRows('Title;Value\nChairs;1500,50\n');
    expect(read.ok && read.rows).toEqual([
      ['Title', 'Value'],
      ['Chairs', '1500,50'],
    ]);
    expect(read.ok && read.delimiter).toBe('semicolon');
  });

  it('drops blank lines and a byte order mark, and trims cells', () => {
    const read = readPastedRows('\uFEFFTitle\tPerson\n\n  Chairs \t Ada \n\t\n');
    expect(read.ok && read.rows).toEqual([
      ['Title', 'Person'],
      ['Chairs', 'Ada'],
    ]);
  });

  it('says when nothing was pasted', () => {
    expect(readPastedRows(' \n\t\n')).toEqual({ ok: false, reason: 'empty', bytes: 4 });
  });

  it('refuses text over the byte cap whole, counting bytes not characters', () => {
    const emoji = '😀'.repeat(MAX_BATCH_BYTES / 4 + 1);
    expect(readPastedRows(emoji)).toMatchObject({ ok: false, reason: 'too-large' });
    expect(readPastedRows('a'.repeat(MAX_BATCH_BYTES)).ok).toBe(true);
  });

  it('keeps the first rows up to the cap (plus one for a header) and counts the rest', () => {
    const text = Array.from({ length: 12 }, (_, row) => `Lead ${row}`).join('\n');
    const read = readPastedRows(text, 10);
    expect(read.ok && read.rows.length).toBe(11);
    expect(read.ok && read.rowsLeftOut).toBe(1);
  });

  it('cuts rows wider than the column cap and cells longer than the cell cap', () => {
    const wide = Array.from({ length: MAX_BATCH_COLUMNS + 2 }, (_, column) => `c${column}`).join('\t');
    const read = readPastedRows(`${wide}\n${'x'.repeat(MAX_CELL_LENGTH + 5)}\ty`);
    expect(read.ok && read.rows[0]?.length).toBe(MAX_BATCH_COLUMNS);
    expect(read.ok && read.columnsLeftOut).toBe(2);
    expect(read.ok && read.rows[1]?.[0]?.length).toBe(MAX_CELL_LENGTH);
  });
});
