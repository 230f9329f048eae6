import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvField, neutralizeFormula, toCsv } from '../../src/lib/exports/csv.ts';

/** Reads CSV back with csv-parse, the way a script would. */
const read = (text: string): string[][] => parse(text, { bom: true, relax_quotes: false, relax_column_count: false });

describe('CSV fields (RFC 4180)', () => {
  it('leaves plain text bare and quotes text holding a comma, a quote, CR or LF', () => {
    expect(csvField('plain text')).toBe('plain text');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('carriage\rreturn')).toBe('"carriage\rreturn"');
    expect(csvField('semi; colon')).toBe('semi; colon');
  });

  it('writes numbers as they are, yes/no as 1/0 and missing values as empty cells', () => {
    expect([csvField(13), csvField(0.25), csvField(-3), csvField(true), csvField(false), csvField(null), csvField(undefined), csvField('')]).toEqual(['13', '0.25', '-3', '1', '0', '', '', '']);
  });

  it('refuses numbers a spreadsheet cannot hold', () => {
    expect(() => csvField(Number.NaN)).toThrow(/finite/);
    expect(() => csvField(Number.POSITIVE_INFINITY)).toThrow(/finite/);
  });
});

describe('formula-injection guard', () => {
  it.each(['=1+1', '+SUM(A1)', '-2+3', '@cmd', '\tx', '\rx', '=HYPERLINK("http://evil.example","click")'])('prefixes %j with an apostrophe', (text) => {
    expect(neutralizeFormula(text)).toBe(`'${text}`);
  });

  it('leaves text that only contains those characters later alone', () => {
    for (const text of ['a=b', 'x-y', 'name@example.org', "'quoted", ' =spaced', '']) expect(neutralizeFormula(text)).toBe(text);
  });

  it('guards text before quoting, so the apostrophe sits inside the quotes', () => {
    expect(csvField('=a,b')).toBe(`"'=a,b"`);
    expect(read(toCsv(['x'], [['=a,b'], [-3]]))).toEqual([['x'], ["'=a,b"], ['-3']]);
  });
});

describe('CSV documents', () => {
  it('ends every record, the last included, with CRLF and can start with a UTF-8 byte-order mark', () => {
    expect(toCsv(['a', 'b'], [[1, 'x']])).toBe('a,b\r\n1,x\r\n');
    expect(toCsv(['a'], [], { bom: true })).toBe('\uFEFFa\r\n');
  });

  it('rejects a row whose length differs from the header', () => {
    expect(() => toCsv(['a', 'b'], [['only one']])).toThrow(/row 1 has 1 cells; the header has 2/);
  });

  it('reads back through csv-parse exactly, apart from the documented apostrophe', () => {
    const tricky = fc.string({ unit: fc.constantFrom('a', 'Z', ' ', ',', '"', '\n', '\r', '\r\n', ';', '=', '+', '-', '@', '\t', "'", 'é', '—', '😀') });
    const cell = fc.oneof(tricky, fc.integer({ min: -1e6, max: 1e6 }), fc.boolean(), fc.constant(null));
    const table = fc.integer({ min: 1, max: 4 }).chain((width) => fc.tuple(fc.constant(width), fc.array(fc.array(cell, { minLength: width, maxLength: width }), { maxLength: 6 })));
    fc.assert(
      fc.property(table, ([width, rows]) => {
        const header = Array.from({ length: width }, (_, i) => `col_${i}`);
        const text = toCsv(header, rows, { bom: true });
        const expected = rows.map((row) => row.map((value) => (value === null ? '' : typeof value === 'boolean' ? (value ? '1' : '0') : typeof value === 'number' ? String(value) : neutralizeFormula(value))));
        const parsed = read(text);
        // A one-column row holding an empty cell is an empty line, which csv-parse reads as [''].
        expect(parsed).toEqual([header, ...expected]);
      }),
      { numRuns: 300 },
    );
  });
});
