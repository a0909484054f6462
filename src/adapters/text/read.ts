/**
 * Text documents (.txt, .tsv): a plan saved or extracted as text, its tables as tab-separated lines
 * (a merged cell is an empty field), becomes a GridWorkbook of one sheet whose rows are the lines and
 * whose cells are the fields, so the same reader reads it as any workbook.
 *
 * Where a finding points: `source.locate(row, col)` gives
 *   sheet = the document section the line is in (the nearest heading above it, e.g. "2 분야별 목표",
 *           "9 사회적경제조직 육성 · 지원"; the file name before the first heading),
 *   cell  = `L<line>:F<field>`, 1-based (line 448, third tab-separated field → "L448:F3").
 * Figures are written as numbers the way Excel turns pasted text into numbers ("1,234" → 1234 shown
 * with thousands separators, "68.6%" → 0.686 shown as a percentage, full-width digits as theirs), and a
 * table's other figures ("+2%p", "1,234명") as the 한글 reader makes them (document-value.ts): a text
 * document is not a sheet of numbers stored as text.
 */
import type { CellValue, GridCell, GridSheet, GridWorkbook } from '../../core/grid/grid';
import { halfWidthNumber } from '../../core/numbers/parse';
import { documentValue, formatBody } from '../document-value';
import { readFail } from '../read-error';


/** A line that is a section heading: `2 분야별 목표`, `① 과제명`, `III. 민선 8기 일자리 목표`, `Ⅲ`. */
function headingOf(line: string): string | null {
  const t = line.replace(/\*\*/g, '').trim();
  if (t === '' || t.length > 60 || t.includes('\t')) return null;
  if (/^(\d{1,2}|[①-⑳])\s+\S/.test(t) && !/^\d{1,2}\s*[,.]\d/.test(t)) return t;
  if (/^(?:[IVX]{1,4}\.|[Ⅰ-Ⅻ]\.?)\s*\S/.test(t)) return t;
  return null;
}

/** A number or roman numeral on a line of its own, its name on the next line: `2` / `청년 일자리 …`, `Ⅲ` / `민선8기 …`. */
function bareNumber(line: string): boolean {
  return /^(\d{1,2}|[Ⅰ-Ⅻ]|[IVX]{1,4})\.?$/.test(line.trim());
}

const NUMBER = /^[△-]?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?%?$/;

/**
 * A field as Excel would read pasted text: figures become numbers (with their display format), the rest
 * stays text; in a table (`inTable`), also the figures Excel would keep as text (below).
 */
function fieldCell(field: string, inTable: boolean, keepIndent = false): GridCell | undefined {
  const original = field.trim();
  if (original === '') return undefined;
  // Excel reads full-width digits (１，２３４) as the number they show.
  const t = halfWidthNumber(original);
  if (NUMBER.test(t) && !/^0\d/.test(t)) {
    const negative = /^[△-]/.test(t);
    // "68.6%" is the fraction 0.686 shown as a percentage, as Excel stores it.
    const percent = t.endsWith('%');
    const digits = t.replace(/^[△-]/, '').replace(/%$/, '');
    const shown = (negative ? -1 : 1) * Number(digits.replace(/,/g, ''));
    const value: CellValue = percent ? Number((shown / 100).toPrecision(15)) : shown;
    const numFmt = `${formatBody(digits)}${percent ? '%' : ''}`;
    return { value, numFmt };
  }
  // What Excel would keep as text but a document's table means as a figure ("2%p", "1,234명"): a number, as in .hwpx.
  if (!inTable) return { value: original };
  const cell = documentValue(original);
  // A tab field's indentation is kept, as Excel keeps it in pasted text: it is how a 성과 table writes
  // its hierarchy (기관 → 사업 → 세부, one `　` or two spaces per level). A Markdown cell's padding is not.
  const indent = keepIndent ? /^[ \u3000]*/.exec(field)![0] : '';
  return typeof cell.value === 'string' && indent !== '' ? { ...cell, value: indent + cell.value } : cell;
}

/**
 * A row of a Markdown table (`| 구 분 | 합 계 | 2023년 |`, as converters of PDF and 한글 documents write
 * tables), as its fields; its rule row (`|---|:---:|`) as no field (an empty row). Null for any other line.
 */
function pipeFields(line: string): string[] | null {
  const t = line.trim();
  if (t.length < 3 || !t.startsWith('|') || !t.endsWith('|') || t.endsWith('\\|')) return null;
  const fields = t
    .slice(1, -1)
    .split(/(?<!\\)\|/)
    .map((f) => f.replace(/\\\|/g, '|'));
  if (fields.length < 2) return null;
  return fields.every((f) => /^\s*:?-{3,}:?\s*$/.test(f)) ? [] : fields;
}

/** The document's text as a grid; `name` (the file's name) names the sheet and the part before any heading. */
export function textToGrid(text: string, name: string): GridWorkbook {
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/);
  const rows: (GridCell | undefined)[][] = [];
  // The line of each row: a Markdown table's rule row (`|---|---|`) is no row, so the header above it
  // and the rows below it stay together; every other line is one row.
  let lineOf: number[] | null = null;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (line.includes('\t')) {
      rows.push(line.split('\t').map((f) => fieldCell(f, true, true)));
      lineOf?.push(i);
      continue;
    }
    const piped = pipeFields(line);
    if (piped && piped.length === 0) {
      lineOf ??= Array.from({ length: rows.length }, (_, k) => k);
      continue;
    }
    rows.push(piped ? piped.map((f) => fieldCell(f, true)) : [fieldCell(line, false)]);
    lineOf?.push(i);
  }
  // The section of every line, computed once.
  const sections: string[] = new Array(lines.length);
  let current = name;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const heading = headingOf(line);
    if (heading) current = heading;
    else if (!line.includes('\t') && bareNumber(line)) {
      let j = i + 1;
      while (j < lines.length && lines[j].trim() === '') j++;
      const next = lines[j]?.trim() ?? '';
      if (next !== '' && !next.includes('\t') && next.length <= 60 && !/^[-□○▶*※]/.test(next)) current = `${line.trim()} ${next.replace(/\*\*/g, '')}`;
    }
    sections[i] = current;
  }
  const sheet: GridSheet = {
    name,
    rows,
    merges: [],
    source: {
      kind: 'text',
      locate: (row, col) => {
        const line = lineOf ? (lineOf[row] ?? row) : row;
        return { sheet: sections[line] ?? name, cell: `L${line + 1}:F${col + 1}` };
      },
    },
  };
  return { sheets: [sheet] };
}

/** Decodes a text file: UTF-8 (with or without BOM), UTF-16 with BOM, else EUC-KR (older Korean exports). */
export function decodeText(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    try {
      return new TextDecoder('euc-kr').decode(bytes);
    } catch {
      readFail('unsupported', '텍스트 문서를 UTF-8이나 EUC-KR로 읽지 못했습니다 — UTF-8로 저장하세요', 'the text document is neither UTF-8 nor EUC-KR: save it as UTF-8');
    }
  }
}

export function textBytesToGrid(bytes: Uint8Array, name: string): GridWorkbook {
  if (bytes.includes(0) && !(bytes[0] === 0xff || bytes[0] === 0xfe)) {
    readFail('unsupported', '텍스트 문서가 아닙니다: 이진 데이터가 들어 있습니다', 'not a text document: it holds binary data');
  }
  return textToGrid(decodeText(bytes), name);
}
