/**
 * The .xlsx fixtures under test/fixtures/: the example and the blank template written by the exceljs
 * writer, "drifted" copies of the example edited the way submitted workbooks drift (rows inserted and
 * deleted, sheets renamed and reordered, a 세부사업 added, labels with extra spaces and line breaks,
 * cells merged, numbers stored as text), and broken inputs.
 *
 * Each drift logs its edits, so tests can map every cell address of the example to where the drifted
 * workbook holds the same figure (`mapRef`). Regenerate with `npm run fixtures`.
 */
import type { ReadErrorCode } from '../../src/adapters/read-error';
import { promises as fs } from 'fs';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { parseRange, a1, parseA1 } from '../../src/core/grid/a1';
import type { CellRef } from '../../src/core/model/plan';
import { incheonSeogu2023 } from '../../src/core/examples/incheon-seogu-2023';
import { blankDraft } from '../../src/core/template/blank';
import { renderWorkbook } from '../../src/core/template/render';
import { applyRendered, workbookToBuffer } from '../../src/adapters/xlsx/write';
import { loadXlsx, mergesOf } from '../../src/adapters/xlsx/read';

/** Fixed document dates, so regenerated fixtures differ only where the content does. */
const FIXED_DATE = new Date(Date.UTC(2026, 10, 1));

export async function exampleBuffer(): Promise<Buffer> {
  return renderedBuffer(renderWorkbook(incheonSeogu2023, { formulas: false }));
}

export async function blankBuffer(startYear = 2027, years = 4): Promise<Buffer> {
  return renderedBuffer(renderWorkbook(blankDraft({ period: { startYear, years } }), { formulas: true }));
}

async function renderedBuffer(rendered: ReturnType<typeof renderWorkbook>): Promise<Buffer> {
  const wb = applyRendered(rendered);
  return stamped(wb);
}

async function stamped(wb: ExcelJS.Workbook): Promise<Buffer> {
  wb.created = FIXED_DATE;
  wb.modified = FIXED_DATE;
  wb.creator = 'jobtarget fixtures';
  wb.lastModifiedBy = 'jobtarget fixtures';
  return fixedZipDates(await workbookToBuffer(wb));
}

/** Sets every zip entry's DOS date to 2026-11-01 00:00, so regenerating a fixture gives the same bytes. */
export function fixedZipDates(buf: Buffer): Buffer {
  const out = Buffer.from(buf);
  const DATE = ((2026 - 1980) << 9) | (11 << 5) | 1;
  let eocd = -1;
  for (let i = out.length - 22; i >= Math.max(0, out.length - 22 - 0xffff); i--) {
    if (out.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return out;
  let p = out.readUInt32LE(eocd + 16);
  for (let n = out.readUInt16LE(eocd + 10); n > 0 && out.readUInt32LE(p) === 0x02014b50; n--) {
    const local = out.readUInt32LE(p + 42);
    out.writeUInt16LE(0, p + 12);
    out.writeUInt16LE(DATE, p + 14);
    if (out.readUInt32LE(local) === 0x04034b50) {
      out.writeUInt16LE(0, local + 10);
      out.writeUInt16LE(DATE, local + 12);
    }
    p += 46 + out.readUInt16LE(p + 28) + out.readUInt16LE(p + 30) + out.readUInt16LE(p + 32);
  }
  return out;
}

// ------------------------------------------------------------------------------------------ editing

interface RowEdit {
  sheet: string;
  /** 0-based row the edit happens at. */
  at: number;
  /** Rows inserted (> 0) or deleted (< 0). */
  delta: number;
}

/** Edits a loaded workbook and remembers row shifts and renames, to map example addresses afterwards. */
export class Editor {
  readonly edits: RowEdit[] = [];
  readonly renames = new Map<string, string>();
  constructor(readonly wb: ExcelJS.Workbook) {}

  sheet(name: string): ExcelJS.Worksheet {
    const ws = this.wb.getWorksheet(name);
    if (!ws) throw new Error(`no sheet ${name}`);
    return ws;
  }

  /** 1-based row of the first cell (in column `col`, 1-based, or any column) whose trimmed text is `text`. */
  findRow(ws: ExcelJS.Worksheet, text: string, col?: number): number {
    let found = -1;
    ws.eachRow((row, r) => {
      if (found > 0) return;
      row.eachCell((cell, c) => {
        if (found > 0 || (col !== undefined && c !== col)) return;
        if (typeof cell.value === 'string' && cell.value.trim() === text) found = r;
      });
    });
    if (found < 0) throw new Error(`'${text}' not found in ${ws.name}`);
    return found;
  }

  /** spliceRows, with merged ranges moved too (exceljs leaves them where they were). */
  splice(ws: ExcelJS.Worksheet, at: number, deleteCount: number, inserts: ExcelJS.CellValue[][] = []): void {
    const merges = mergesOf(ws).map(parseRange);
    for (const m of merges) ws.unMergeCells(m.r0 + 1, m.c0 + 1, m.r1 + 1, m.c1 + 1);
    ws.spliceRows(at, deleteCount, ...inserts); // a contiguous array starts at column A
    const delta = inserts.length - deleteCount;
    const first = at - 1; // 0-based
    const shift = (r: number) => (r >= first + deleteCount ? r + delta : r);
    for (const m of merges) {
      if (m.r0 >= first && m.r1 < first + deleteCount) continue; // merged range deleted with its rows
      ws.mergeCells(shift(m.r0) + 1, m.c0 + 1, shift(m.r1) + 1, m.c1 + 1);
    }
    // As spliceRows does it: delete first, then insert at the same place.
    if (deleteCount) this.edits.push({ sheet: ws.name, at: first, delta: -deleteCount });
    if (inserts.length) this.edits.push({ sheet: ws.name, at: first, delta: inserts.length });
  }

  insertRows(ws: ExcelJS.Worksheet, before: number, rows: ExcelJS.CellValue[][]): void {
    this.splice(ws, before, 0, rows);
  }

  deleteRows(ws: ExcelJS.Worksheet, at: number, count: number): void {
    this.splice(ws, at, count);
  }

  rename(ws: ExcelJS.Worksheet, name: string): void {
    const original = [...this.renames.entries()].find(([, v]) => v === ws.name)?.[0] ?? ws.name;
    this.renames.set(original, name);
    ws.name = name;
  }

  /** Where an example cell ended up; null when its row was deleted. */
  mapRef(ref: CellRef): CellRef | null {
    let { row, col } = parseA1(ref.cell);
    for (const e of this.edits) {
      if (e.sheet !== ref.sheet) continue;
      if (e.delta < 0) {
        if (row >= e.at && row < e.at - e.delta) return null;
        if (row >= e.at - e.delta) row += e.delta;
      } else if (row >= e.at) row += e.delta;
    }
    return { sheet: this.renames.get(ref.sheet) ?? ref.sheet, cell: a1(row, col) };
  }

  async buffer(): Promise<Buffer> {
    return stamped(this.wb);
  }
}

function setText(ws: ExcelJS.Worksheet, address: string, text: string): void {
  const cell = ws.getCell(address);
  cell.value = text;
}

/** Every cell of a sheet whose trimmed text equals `text`. */
function cellsWithText(ws: ExcelJS.Worksheet, text: string): ExcelJS.Cell[] {
  const out: ExcelJS.Cell[] = [];
  ws.eachRow((row) =>
    row.eachCell((cell) => {
      if (cell.type !== ExcelJS.ValueType.Merge && typeof cell.value === 'string' && cell.value.trim() === text) out.push(cell);
    }),
  );
  return out;
}

// ------------------------------------------------------------------------------------------- drifts

export interface Drift {
  file: string;
  /** What was changed, for the README and test names. */
  description: string;
  /** 세부사업 removed (by name) from the example's plan. */
  removedSubprojects?: string[];
  /** 세부사업 added: task no, name and figures. */
  addedSubprojects?: { task: number; name: string; target: number[]; budget: number[] }[];
  /** Cells whose figure differs from the example on purpose: example address → value read. */
  changedValues?: { ref: CellRef; value: number }[];
  /** True when the drift changes no figure, label meaning or layout relation: findings stay the same (modulo addresses). */
  sameFindings: boolean;
  edit(e: Editor): void;
}

const S = { overview: '개요', indicators: '공통 일자리 목표', areas: '분야별 목표', tasks: '실천과제' };

export const DRIFTS: Drift[] = [
  {
    file: 'drift-rows-inserted.xlsx',
    description: 'rows inserted above every table, between two tables, and between two 세부사업',
    sameFindings: true,
    edit(e) {
      for (const name of Object.values(S)) {
        e.insertRows(e.sheet(name), 1, [['※ 제출본 메모: 검토용 사본'], []]);
      }
      const tasks = e.sheet(S.tasks);
      // Above the table of ③ (between two tables) …
      e.insertRows(tasks, e.findRow(tasks, '③ 맞춤형 취업지원서비스 확대', 1), [[], ['(참고) 아래 표는 2023년 1월 기준입니다']]);
      // … above a header row (between the unit line and the header) …
      const header2 = e.findRow(tasks, '② 청년 일자리 지원 및 취업역량 강화', 1) + 3;
      e.insertRows(tasks, header2, [[]]);
      // … and between two 세부사업 of ②: an empty spacer row.
      e.insertRows(tasks, e.findRow(tasks, '포스트코로나 중소기업 청년일자리 지원사업', 1), [[]]);
      // The indicators table: a row between the unit line and the header.
      const ind = e.sheet(S.indicators);
      e.insertRows(ind, e.findRow(ind, '구 분', 1), [[]]);
    },
  },
  {
    file: 'drift-rows-deleted.xlsx',
    description: 'a 세부사업 deleted (its two rows), and the blank row between two tables',
    removedSubprojects: ['포스트코로나 중소기업 청년일자리 지원사업'],
    sameFindings: false,
    edit(e) {
      const tasks = e.sheet(S.tasks);
      const at = e.findRow(tasks, '포스트코로나 중소기업 청년일자리 지원사업', 1);
      e.deleteRows(tasks, at, 2);
      const t3 = e.findRow(tasks, '③ 맞춤형 취업지원서비스 확대', 1);
      e.deleteRows(tasks, t3 - 1, 1);
    },
  },
  {
    file: 'drift-sheets-renamed.xlsx',
    description: 'sheets renamed and reordered (실천과제 first, 개요 third)',
    sameFindings: true,
    edit(e) {
      const order = [S.tasks, S.areas, S.overview, S.indicators];
      const names: Record<string, string> = {
        [S.overview]: '표지',
        [S.indicators]: '1. 공통목표',
        [S.areas]: 'II-2 분야별',
        [S.tasks]: "과제별 연차계획 (최종)",
      };
      order.forEach((n, i) => {
        const ws = e.sheet(n);
        (ws as unknown as { orderNo: number }).orderNo = i + 1;
      });
      for (const [from, to] of Object.entries(names)) e.rename(e.sheet(from), to);
    },
  },
  {
    file: 'drift-subproject-added.xlsx',
    description: 'a 세부사업 added to ① (two rows, name merged over both), with its figures',
    addedSubprojects: [{ task: 1, name: '청년 창업 멘토링 (신규)', target: [40, 10, 10, 10, 10], budget: [20, 5, 5, 5, 5] }],
    sameFindings: false,
    edit(e) {
      const tasks = e.sheet(S.tasks);
      const first = firstSubprojectRow(e, tasks, '① 청년 창업 인프라 조성');
      const add = this.addedSubprojects![0];
      e.insertRows(tasks, first, [
        [add.name, '성과목표', ...add.target],
        [null, '소요예산', ...add.budget],
      ]);
      tasks.mergeCells(first, 1, first + 1, 1);
      for (let c = 1; c <= 7; c++) {
        for (const r of [first, first + 1]) tasks.getCell(r, c).style = { ...tasks.getCell(first + 2, c).style };
      }
    },
  },
  {
    file: 'drift-labels-spaced.xlsx',
    description: 'labels with extra spaces and line breaks (headers, roles, 총계, names, years)',
    sameFindings: true,
    edit(e) {
      const respell: [string, string][] = [
        ['세부사업명', ' 세부\n사업명 '],
        ['구 분', '구   분'],
        ['합계', ' 합 계 '],
        ['총 계', '총\n계'],
        ['성과목표', '성과\n목표'],
        ['소요예산', ' 소요 예산'],
        ['2023년', '2023 년'],
        ['2024년', ' 2024년\n'],
        ['전략분야', '전략  분야'],
        ['지자체명', '지자체 명'],
        ['계획기간 시작연도', '계획기간\n시작연도'],
      ];
      for (const ws of e.wb.worksheets) {
        for (const [from, to] of respell) for (const cell of cellsWithText(ws, from)) cell.value = to;
      }
      const areas = e.sheet(S.areas);
      const r = e.findRow(areas, '청년 일자리 확대', 1);
      setText(areas, `A${r}`, '청년  일자리\n확대');
      const tasks = e.sheet(S.tasks);
      for (const cell of cellsWithText(tasks, '청년 일자리 확대')) cell.value = ' 청년 일자리  확대 ';
    },
  },
  {
    file: 'drift-merged.xlsx',
    description: 'cells merged: a two-row indicator header (목표 over the years), titles and unit lines merged across the table',
    sameFindings: true,
    edit(e) {
      const ind = e.sheet(S.indicators);
      const h = e.findRow(ind, '구 분', 1);
      const lastCol = ind.getRow(h).cellCount;
      const years = [5, 6, 7, 8].map((c) => ind.getCell(h, c).value);
      e.insertRows(ind, h + 1, [[null, null, null, null, ...years]]);
      for (let c = 1; c <= lastCol; c++) ind.getCell(h + 1, c).style = { ...ind.getCell(h, c).style };
      for (const c of [5, 6, 7]) ind.getCell(h, c + 1).value = null;
      ind.getCell(h, 5).value = '목표';
      for (const c of [1, 2, 3, 4, 9]) ind.mergeCells(h, c, h + 1, c);
      ind.mergeCells(h, 5, h, 8);
      ind.mergeCells(1, 1, 1, lastCol);
      // Unit line of 분야별 목표 moved to the first column and merged across the table.
      const areas = e.sheet(S.areas);
      const unit = areas.getCell(2, 8).value;
      areas.getCell(2, 8).value = null;
      areas.getCell(2, 1).value = unit;
      areas.getCell(2, 1).alignment = { horizontal: 'right' };
      areas.mergeCells(2, 1, 2, 8);
      areas.mergeCells(1, 1, 1, 8);
      // 실천과제: each unit line merged across its table's width.
      const tasks = e.sheet(S.tasks);
      tasks.eachRow((row, r) => {
        const c = row.getCell(7);
        if (typeof c.value === 'string' && c.value.startsWith('(단위')) {
          row.getCell(1).value = c.value;
          c.value = null;
          tasks.mergeCells(r, 1, r, 7);
        }
      });
    },
  },
  {
    file: 'drift-text-numbers.xlsx',
    description: "numbers stored as text: '9,454', '△12', '-', '68.6%', '2.0%p'",
    // ①'s first 세부사업, 2023 성과목표: 실천과제!D9 in example.xlsx.
    changedValues: [{ ref: { sheet: S.tasks, cell: 'D9' }, value: -12 }],
    sameFindings: false,
    edit(e) {
      const areas = e.sheet(S.areas);
      // Every figure of 분야별 목표 as text with thousands separators.
      areas.eachRow((row, r) => {
        if (r < 4) return;
        row.eachCell((cell, c) => {
          if (c >= 3 && c <= 7 && typeof cell.value === 'number') cell.value = cell.value.toLocaleString('en-US');
        });
      });
      const tasks = e.sheet(S.tasks);
      // Zeros as '-' and some figures as text.
      tasks.eachRow((row) =>
        row.eachCell((cell, c) => {
          if (c >= 3 && cell.value === 0) cell.value = '-';
          else if (c >= 3 && typeof cell.value === 'number' && cell.value >= 1000) cell.value = cell.value.toLocaleString('en-US');
        }),
      );
      // A negative written the Korean way.
      const first = firstSubprojectRow(e, tasks, '① 청년 창업 인프라 조성');
      if (a1(first - 1, 3) !== this.changedValues![0].ref.cell) throw new Error('the example moved: update changedValues');
      tasks.getCell(first, 4).value = '△12';
      const ind = e.sheet(S.indicators);
      const r = e.findRow(ind, '고용률(15세~64세)', 1);
      ind.getCell(r, 4).value = '68.6%';
      ind.getCell(r, 9).value = '2.0%p';
      ind.getCell(r + 3, 4).value = '302,000';
    },
  },
];

/** 1-based row of the first 세부사업 row (below 총계) of the task titled `title`. */
function firstSubprojectRow(e: Editor, ws: ExcelJS.Worksheet, title: string): number {
  const t = e.findRow(ws, title, 1);
  // title, 전략분야, unit line, header, then 총계 (2 rows) when the task has one.
  for (let r = t + 1; r < t + 10; r++) {
    if (String(ws.getCell(r, 1).value ?? '').replace(/\s+/g, '') === '세부사업명') {
      const next = String(ws.getCell(r + 1, 1).value ?? '').replace(/\s+/g, '');
      return next === '총계' ? r + 3 : r + 1;
    }
  }
  throw new Error(`no header under ${title}`);
}

export async function buildDrift(d: Drift): Promise<{ buffer: Buffer; editor: Editor }> {
  const wb = await loadXlsx(await exampleBuffer());
  const editor = new Editor(wb);
  d.edit.call(d, editor);
  return { buffer: await editor.buffer(), editor };
}

// ------------------------------------------------------------------------------------------- broken

/** A minimal zip (stored, no compression): enough for "a zip that is not an xlsx". */
export function storedZip(files: Record<string, string>): Buffer {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc32 = (b: Buffer) => {
    let c = 0xffffffff;
    for (const x of b) c = crcTable[(c ^ x) & 0xff] ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, text] of Object.entries(files)) {
    const data = Buffer.from(text, 'utf8');
    const nameBuf = Buffer.from(name, 'utf8');
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBuf.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBuf.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBuf, data);
    centrals.push(central, nameBuf);
    offset += 30 + nameBuf.length + data.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Object.keys(files).length, 8);
  end.writeUInt16LE(Object.keys(files).length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

/** An OLE compound file header with the given stream names in a directory sector (UTF-16LE, 128-byte entries). */
export function oleFile(streams: string[]): Buffer {
  const header = Buffer.alloc(512);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(header, 0);
  header.writeUInt16LE(0x003e, 24); // minor version
  header.writeUInt16LE(0x0003, 26); // major version 3
  header.writeUInt16LE(0xfffe, 28); // little-endian
  header.writeUInt16LE(9, 30); // 512-byte sectors
  const dir = Buffer.alloc(512);
  ['Root Entry', ...streams].slice(0, 4).forEach((name, i) => {
    const n = Buffer.from(name, 'utf16le');
    n.copy(dir, i * 128);
    dir.writeUInt16LE(n.length + 2, i * 128 + 64);
    dir.writeUInt8(i === 0 ? 5 : 2, i * 128 + 66);
  });
  const filler = Buffer.alloc(1024, 0x5a);
  return Buffer.concat([header, dir, filler]);
}

export interface Broken {
  file: string;
  code: ReadErrorCode;
  description: string;
  bytes(): Promise<Buffer>;
}

export const BROKEN: Broken[] = [
  { file: 'empty.xlsx', code: 'empty', description: '0 bytes', bytes: async () => Buffer.alloc(0) },
  {
    file: 'not-a-zip.xlsx',
    code: 'not-xlsx',
    description: 'a text file renamed to .xlsx',
    bytes: async () => Buffer.from('지역일자리 목표 공시 계획 메모\nThis is a text file, renamed to .xlsx.\n', 'utf8'),
  },
  {
    file: 'truncated.xlsx',
    code: 'truncated',
    description: 'the first half of example.xlsx',
    bytes: async () => {
      const b = await exampleBuffer();
      return b.subarray(0, Math.floor(b.length / 2));
    },
  },
  {
    file: 'encrypted.xlsx',
    code: 'encrypted',
    description: 'an OLE compound file as Excel writes a password-protected workbook (EncryptionInfo, EncryptedPackage)',
    bytes: async () => oleFile(['EncryptionInfo', 'EncryptedPackage', '\u0006DataSpaces']),
  },
  {
    file: 'zip-not-xlsx.xlsx',
    code: 'not-xlsx',
    description: 'a valid zip that holds no workbook',
    bytes: async () => storedZip({ 'readme.txt': '압축 파일입니다 (a zip archive)\n', 'data/plan.csv': 'a,b\n1,2\n' }),
  },
  {
    file: 'legacy.xls',
    code: 'unsupported',
    description: 'an Excel 97-2003 workbook (OLE with a Workbook stream)',
    bytes: async () => oleFile(['Workbook', '\u0005SummaryInformation']),
  },
  {
    file: 'no-tables.xlsx',
    code: 'not-a-plan',
    description: 'a valid workbook with unrelated content',
    bytes: async () => {
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet('회의록');
      ws.addRow(['2026년 11월 회의록']);
      ws.addRow(['참석자', '김주무관, 이팀장']);
      ws.addRow(['안건', '청사 이전']);
      ws.addRow(['예산', 1200]);
      wb.addWorksheet('Sheet2').getCell('B2').value = { richText: [{ text: '빈 ' }, { text: '시트', font: { bold: true } }] };
      return stamped(wb);
    },
  },
];

export const EXAMPLE_FIXTURE = 'example.xlsx';
export const BLANK_FIXTURE = 'blank-2027.xlsx';

/** Writes every fixture into `dir`; returns the file names written. */
export async function makeFixtures(dir: string): Promise<string[]> {
  await fs.mkdir(dir, { recursive: true });
  const written: string[] = [];
  const put = async (name: string, bytes: Buffer) => {
    await fs.writeFile(path.join(dir, name), bytes);
    written.push(name);
  };
  await put(EXAMPLE_FIXTURE, await exampleBuffer());
  await put(BLANK_FIXTURE, await blankBuffer(2027, 4));
  for (const d of DRIFTS) await put(d.file, (await buildDrift(d)).buffer);
  await fs.mkdir(path.join(dir, 'broken'), { recursive: true });
  for (const b of BROKEN) await put(path.join('broken', b.file), await b.bytes());
  return written;
}
