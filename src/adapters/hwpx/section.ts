/**
 * One OWPML section (Contents/sectionN.xml) → its content in reading order: paragraphs and tables, with
 * the tables' cells (address and span from `hp:cellAddr`/`hp:cellSpan`), the paragraphs of every cell,
 * tables nested in cells, text boxes, and the page each top-level paragraph starts on where 한글 records
 * it (a page break, or the line positions `hp:lineseg vertpos` starting again at the top of a page).
 *
 * Streaming (saxes), so a large document never becomes a DOM. Headers, footers, footnotes, endnotes,
 * memos and hidden comments are not part of the reading flow and are skipped; of an `hp:switch`, only the first
 * `hp:case` is read (its `hp:default` repeats the same content for older readers). Text deleted under
 * track changes (변경 내용 추적: `hp:deleteBegin` … `hp:deleteEnd`, kept in the XML and shown struck
 * through) is not read: the document is read as it stands once the changes are accepted.
 */
import { SaxesParser, type SaxesTagPlain } from 'saxes';

export interface HwpxParagraph {
  kind: 'para';
  text: string;
  /** 1-based page where 한글 records one; null when the document has no line positions. */
  page: number | null;
}

export interface HwpxCell {
  row: number;
  col: number;
  rowSpan: number;
  colSpan: number;
  /** The cell's paragraphs and nested tables, in order. */
  items: HwpxItem[];
}

export interface HwpxTable {
  kind: 'table';
  rowCnt: number;
  colCnt: number;
  cells: HwpxCell[];
  /** Paragraphs of the table's caption (표 1 …), when it has one. */
  caption: HwpxItem[];
  page: number | null;
}

export type HwpxItem = HwpxParagraph | HwpxTable;

/** Far beyond any plan table; a hostile address or span is clipped to these so it cannot blow up the grid. */
export const MAX_TABLE_ROWS = 100_000;
export const MAX_TABLE_COLS = 1_000;
const clip = (n: number, max: number) => Math.min(Math.max(n, 0), max);

/**
 * Elements whose paragraphs are not in the reading flow. A field's hp:fieldBegin holds only its settings
 * and, for a memo (메모, type="MEMO"), the memo's paragraphs; the field's own text follows it in the flow.
 */
const SKIPPED = new Set(['header', 'footer', 'footNote', 'endNote', 'hiddenComment', 'memo', 'fieldBegin', 'masterPage']);

interface ParaFrame {
  kind: 'para';
  items: HwpxItem[];
  text: string;
  pageBreak: boolean;
  vertpos: number[];
  top: boolean;
}
interface TableFrame {
  kind: 'table';
  table: HwpxTable;
}
interface CellFrame {
  kind: 'cell';
  cell: HwpxCell;
}
interface BoxFrame {
  kind: 'box';
  caption: boolean;
  items: HwpxItem[];
}
type Frame = ParaFrame | TableFrame | CellFrame | BoxFrame;

const local = (name: string) => name.slice(name.indexOf(':') + 1);
const int = (v: string | undefined, dflt: number) => {
  const n = v === undefined ? NaN : Number.parseInt(v, 10);
  return Number.isFinite(n) ? n : dflt;
};

/** Page counter across the sections of one document. */
export class PageCounter {
  page = 1;
  known = true;
  private lastVert: number | null = null;
  private seen = false;

  /** A new section starts on a new page. */
  newSection(): void {
    if (this.seen) {
      this.page++;
      this.lastVert = null;
    }
  }

  /** The page a top-level paragraph starts on; later pages inside it move the counter on. */
  paragraph(pageBreak: boolean, vertpos: number[]): number | null {
    if (vertpos.length === 0) this.known = false;
    if (!this.known) return null;
    if (this.seen && (pageBreak || (this.lastVert !== null && vertpos[0] < this.lastVert))) this.page++;
    this.seen = true;
    const start = this.page;
    for (let i = 1; i < vertpos.length; i++) if (vertpos[i] < vertpos[i - 1]) this.page++;
    this.lastVert = vertpos[vertpos.length - 1];
    return start;
  }
}

export class SectionSyntaxError extends Error {}

/**
 * Tables nested deeper than this are refused (a plan nests two or three): the document is laid out by
 * recursion over the nesting, and a hostile depth would exhaust the stack.
 */
export const MAX_TABLE_NESTING = 100;

/** A section past a structural limit (tables nested too deep). */
export class SectionLimitError extends SectionSyntaxError {}

/** Parses one section's XML text; throws SectionSyntaxError when it is not well-formed XML. */
export function parseSection(xml: string, pages: PageCounter = new PageCounter()): HwpxItem[] {
  const out: HwpxItem[] = [];
  const stack: Frame[] = [];
  let skip = 0;
  let inText = 0;
  let tableDepth = 0;
  /** Inside a tracked deletion (hp:deleteBegin … hp:deleteEnd); each cell's text is a flow of its own. */
  let deleted = false;
  const deletedOutside: boolean[] = [];
  /** Per open hp:switch: whether one of its hp:case branches was read (then hp:default repeats it). */
  const switches: boolean[] = [];
  pages.newSection();

  const nearest = <K extends Frame['kind']>(kind: K): Extract<Frame, { kind: K }> | null => {
    for (let i = stack.length - 1; i >= 0; i--) if (stack[i].kind === kind) return stack[i] as Extract<Frame, { kind: K }>;
    return null;
  };
  /** Where a finished paragraph's items go: the innermost cell or box, else the section. */
  const container = (): HwpxItem[] => {
    for (let i = stack.length - 1; i >= 0; i--) {
      const f = stack[i];
      if (f.kind === 'cell') return f.cell.items;
      if (f.kind === 'box') return f.items;
    }
    return out;
  };
  const flush = (p: ParaFrame) => {
    if (p.text.trim() !== '') p.items.push({ kind: 'para', text: p.text.trim(), page: null });
    p.text = '';
  };

  const parser = new SaxesParser({ xmlns: false, position: false });
  parser.on('opentag', (tag: SaxesTagPlain) => {
    if (skip > 0) {
      skip++;
      return;
    }
    const name = local(tag.name);
    const a = tag.attributes as Record<string, string>;
    if (SKIPPED.has(name) || (name === 'default' && switches[switches.length - 1] === true)) {
      skip = 1;
      return;
    }
    switch (name) {
      case 'switch':
        switches.push(false);
        break;
      case 'case':
        // Only the first branch: the others say the same for other readers.
        if (switches[switches.length - 1] === true) skip = 1;
        break;
      case 'p':
        stack.push({ kind: 'para', items: [], text: '', pageBreak: a.pageBreak === '1', vertpos: [], top: !stack.some((f) => f.kind === 'cell' || f.kind === 'box') });
        break;
      case 't':
        inText++;
        break;
      case 'tab':
        if (inText) appendText('\t');
        break;
      case 'lineBreak':
        if (inText) appendText('\n');
        break;
      case 'nbSpace':
      case 'fwSpace':
        if (inText) appendText(' ');
        break;
      case 'hyphen':
        if (inText) appendText('-');
        break;
      case 'deleteBegin':
        deleted = true;
        break;
      case 'deleteEnd':
        deleted = false;
        break;
      case 'tbl': {
        if (++tableDepth > MAX_TABLE_NESTING) throw new SectionLimitError(`tables nested more than ${MAX_TABLE_NESTING} deep`);
        const p = nearest('para');
        if (p) flush(p);
        stack.push({ kind: 'table', table: { kind: 'table', rowCnt: clip(int(a.rowCnt, 0), MAX_TABLE_ROWS), colCnt: clip(int(a.colCnt, 0), MAX_TABLE_COLS), cells: [], caption: [], page: null } });
        break;
      }
      case 'tc':
        stack.push({ kind: 'cell', cell: { row: -1, col: -1, rowSpan: 1, colSpan: 1, items: [] } });
        deletedOutside.push(deleted);
        deleted = false;
        break;
      case 'cellAddr': {
        const c = nearest('cell');
        if (c) {
          const row = int(a.rowAddr, -1);
          const col = int(a.colAddr, -1);
          // A cell outside the bounds is not placed (its row/col stay -1).
          c.cell.row = row < MAX_TABLE_ROWS ? row : -1;
          c.cell.col = col < MAX_TABLE_COLS ? col : -1;
        }
        break;
      }
      case 'cellSpan': {
        const c = nearest('cell');
        if (c) {
          c.cell.rowSpan = clip(int(a.rowSpan, 1), MAX_TABLE_ROWS) || 1;
          c.cell.colSpan = clip(int(a.colSpan, 1), MAX_TABLE_COLS) || 1;
        }
        break;
      }
      case 'caption':
        stack.push({ kind: 'box', caption: true, items: [] });
        break;
      case 'drawText': {
        const p = nearest('para');
        if (p) flush(p);
        stack.push({ kind: 'box', caption: false, items: [] });
        break;
      }
      case 'lineseg': {
        const p = stack[stack.length - 1];
        // linesegarray sits directly in its paragraph: the top of the stack is that paragraph.
        if (p?.kind === 'para' && p.top) p.vertpos.push(int(a.vertpos, 0));
        break;
      }
    }
  });

  function appendText(s: string) {
    if (deleted) return;
    const p = nearest('para');
    if (p) p.text += s;
  }

  parser.on('text', (text: string) => {
    if (skip === 0 && inText > 0) appendText(text);
  });

  parser.on('closetag', (tag: SaxesTagPlain) => {
    if (skip > 0) {
      skip--;
      return;
    }
    const name = local(tag.name);
    switch (name) {
      case 'switch':
        switches.pop();
        break;
      case 'case':
        if (switches.length) switches[switches.length - 1] = true;
        break;
      case 't':
        inText = Math.max(0, inText - 1);
        break;
      case 'p': {
        const p = stack.pop() as ParaFrame | undefined;
        if (!p || p.kind !== 'para') throw new SectionSyntaxError('paragraph nesting');
        flush(p);
        if (p.items.length === 0) p.items.push({ kind: 'para', text: '', page: null });
        if (p.top) {
          const page = pages.paragraph(p.pageBreak, p.vertpos);
          for (const item of p.items) item.page = page;
        }
        container().push(...p.items);
        break;
      }
      case 'tbl': {
        const f = stack.pop();
        if (!f || f.kind !== 'table') throw new SectionSyntaxError('table nesting');
        tableDepth--;
        const p = nearest('para');
        if (p) p.items.push(f.table);
        else container().push(f.table);
        break;
      }
      case 'tc': {
        const f = stack.pop();
        if (!f || f.kind !== 'cell') throw new SectionSyntaxError('cell nesting');
        nearest('table')?.table.cells.push(f.cell);
        deleted = deletedOutside.pop() ?? false;
        break;
      }
      case 'caption':
      case 'drawText': {
        const f = stack.pop();
        if (!f || f.kind !== 'box') throw new SectionSyntaxError(`${name} nesting`);
        if (f.caption) {
          const t = nearest('table');
          if (t) t.table.caption.push(...f.items);
        } else {
          const p = nearest('para');
          if (p) p.items.push(...f.items);
          else container().push(...f.items);
        }
        break;
      }
    }
  });

  try {
    parser.write(xml).close();
  } catch (e) {
    if (e instanceof SectionSyntaxError) throw e;
    throw new SectionSyntaxError(e instanceof Error ? e.message : String(e));
  }
  return out;
}

/** A cell's text: its paragraphs (including those in nested boxes), one per line. */
export function cellText(cell: HwpxCell): string {
  return cell.items
    .filter((i): i is HwpxParagraph => i.kind === 'para')
    .map((p) => p.text)
    .filter((t) => t !== '')
    .join('\n');
}
