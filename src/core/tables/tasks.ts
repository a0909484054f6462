/**
 * 실천과제 연차별 추진계획: `세부사업명 | 구 분 (or blank) | 합계 | 2023년 …` (합계 first or last), rows in
 * 성과목표/소요예산 pairs, a 총계/합계/소계 row first or none (a task with one 세부사업). The task it belongs
 * to is the nearest title above it (`① 과제명`, `1 과제명`, `과제 1 과제명`, the number on one line and the
 * name on the next), with prose, □ headings and other tables in between; or the sheet's name when each
 * task has its own sheet. Our template adds a `전략분야 | 분야명` line, read when present.
 */
import { planYears } from '../model/period';
import type { SubProject, Subtotal, Task } from '../model/plan';
import { TEMPLATE } from '../template/description';
import { groupsEnd, missingSeries, readGroups, totalAt, unknownRoleRow, type RowGroup } from './groups';
import { OTHER_NUMBERED_TITLE, circledNumber, isSubtotalName, matches, nameKey, parseTaskTitle, withoutLeadingMark } from './labels';
import { genericPairHeaders, groupColumns, noYearColumns, pairHeader, yearColumnsOf, type PairHeader } from './pairs';
import { ascendingOnce, findInRow, onlyFilledColumn, findLabelInRow, findUnits, lineText, refOf, rowsWithLabel, text, unitsInCells, unitsInLabels, type TableSheet } from './sheet';
import type { Assembly, TableKind, TableMatch } from './types';
import { isResultsOnly } from '../results/render';
import { renderTasks } from '../template/sheets';

export interface TaskMatch extends TableMatch {
  kind: 'tasks';
  head: PairHeader;
  /** Where the rows end (groupsEnd), when read leniently: reading needs not look for the end again. */
  end?: number;
}

const T = TEMPLATE.tasks;

/** The heading above a 실천과제 table headed only `구 분`: `□ 연차별 추진계획`, `세부사업별 …` (or its sheet, named after its task). */
const TASKS_HEADING = /연차별|추진\s*계획|세부\s*사업/;

/** Per sheet: the rows a 실천과제 header can be on (holding its anchor label, or 구 분 alone under its heading), each with its name column when headed 구 분. */
const anchorRows = new WeakMap<TableSheet, { rows: Set<number>; generic: Map<number, number> }>();

function anchorsOf(s: TableSheet): { rows: Set<number>; generic: Map<number, number> } {
  let found = anchorRows.get(s);
  if (!found) {
    // A workbook's sheet named after its task (①, 과제2, ③ 과제명) heads its table too.
    const taskSheet = !s.grid.source && !s.name.includes('분야') && parseTaskTitle(s.name) !== null;
    const generic = genericPairHeaders(s, (above) => taskSheet || TASKS_HEADING.test(above));
    anchorRows.set(s, (found = { rows: new Set(ascendingOnce([...rowsWithLabel(s, T.anchor), ...generic.keys()])), generic }));
  }
  return found;
}

function anchorRowsOf(s: TableSheet): Set<number> {
  return anchorsOf(s).rows;
}

function isTaskHeader(s: TableSheet, r: number): number {
  const anchors = anchorsOf(s);
  if (!anchors.rows.has(r)) return -1;
  const anchorCol = anchors.generic.get(r) ?? findLabelInRow(s, r, T.anchor);
  if (anchorCol < 0) return -1;
  // A header with a 성과목표 column is a one-year table (연차별 세부계획), not a 실천과제 table.
  if (findLabelInRow(s, r, TEMPLATE.roles.target) >= 0) return -1;
  return anchorCol;
}

function stopAt(s: TableSheet, header: number) {
  // A title line has one filled cell: looked at first, it spares parsing every 세부사업 row as a title.
  const anchors = anchorRowsOf(s);
  return (row: number) => {
    if (row <= header + 1) return false;
    if (anchors.has(row) && isTaskHeader(s, row) >= 0) return true;
    if (onlyFilledColumn(s, row) < 0) return false;
    const line = text(s, row, 0);
    return parseTaskTitle(line) !== null || OTHER_NUMBERED_TITLE.test(line);
  };
}

export const tasksTable: TableKind<TaskMatch> = {
  id: 'tasks',
  name: '실천과제',
  nameEn: '실천과제 (task)',
  sheetName: T.sheetName,
  detect(s) {
    const out: TaskMatch[] = [];
    let next = 0;
    for (const r of anchorRowsOf(s)) {
      if (r < next) continue;
      const anchorCol = isTaskHeader(s, r);
      if (anchorCol < 0) continue;
      const head = pairHeader(s, r, anchorCol, T.roleHeader, T.totalHeader);
      if (!head) continue; // e.g. `사업명 | 마을기업 육성사업` in a task's prose: no 성과목표/소요예산 rows
      const strict = head.roleHeaderBlank || s.grid.source !== undefined;
      const end = groupsEnd(s, head.firstRow, groupColumns(head, yearColumnsOf(head, null)), stopAt(s, head.firstRow - 1), strict);
      const m: TaskMatch = { kind: 'tasks', sheet: s, header: r, last: Math.max(r, end - 1), years: [...head.years.keys()].sort((a, b) => a - b), head };
      if (!strict) m.end = end;
      if (head.years.size === 0) m.notUnderstood = { ...noYearColumns(s, r, head), ref: refOf(s, r, anchorCol) };
      else if (head.totalCol < 0) m.notUnderstood = { ko: `'${T.totalHeader.text}' 열을 찾지 못했습니다`, en: `no '${T.totalHeader.text}' column found`, ref: refOf(s, r, anchorCol) };
      out.push(m);
      next = Math.max(r, end - 1) + 1;
    }
    return out;
  },
  read(m, asm) {
    const s = m.sheet;
    const r = m.header;
    const head = m.head;
    const title = findTitle(s, r, asm);
    const no = title?.no ?? asm.plan.tasks.length + 1;
    const label = title?.ref ?? refOf(s, r, head.nameCol);
    const who = title ? `${circledNumber(no)}의 표` : `${refOf(s, r, head.nameCol).sheet}의 실천과제 표`;
    const whoEn = title ? `the table of task ${no}` : 'a 실천과제 table';
    if (m.notUnderstood) {
      asm.problem(T.tableName, `${who}에서 ${m.notUnderstood.ko} (읽지 않음)`, `${whoEn}: ${m.notUnderstood.en} (not read)`, 'table', m.notUnderstood.ref);
      return;
    }
    const years = planYears(asm.period);
    const missing = years.filter((y) => !head.years.has(y));
    if (missing.length) {
      asm.problem(T.tableName, `${who}에서 연도 열을 찾지 못했습니다: ${missing.join(', ')}년`, `${whoEn}: year columns not found: ${missing.join(', ')}`, 'table', refOf(s, r, head.nameCol));
    }
    const yearCols = yearColumnsOf(head, years);
    const strict = head.roleHeaderBlank || s.grid.source !== undefined;
    const cols = groupColumns(head, yearCols);
    const { groups, end } = readGroups(s, head.firstRow, cols, stopAt(s, head.firstRow - 1), strict, () => (asm.plan.cellsRead += 2 + yearCols.length), strict ? undefined : m.end);
    const unknown = unknownRoleRow(s, end, cols);
    if (unknown !== null) {
      asm.problem(T.tableName, `${who}: '${unknown}' 행의 구분이 성과목표도 소요예산도 아니어서 표를 그 앞까지만 읽었습니다`, `${whoEn}: the row '${unknown}' is neither 성과목표 nor 소요예산: the table was read only up to it`, 'table', refOf(s, end, cols.roleCol));
    }
    // The 전략분야 line of our template, between the title and the header (no title: not searched).
    let areaName = '';
    for (let k = r - 1; k >= Math.max(0, r - 6, title?.row ?? r); k--) {
      const areaCol = findInRow(s, k, (x) => matches(x, T.areaLabel));
      if (areaCol < 0) continue;
      for (let c = areaCol + 1; c < s.width; c++) {
        const v = text(s, k, c);
        if (v !== '') {
          areaName = v.replace(/\s+/g, ' ');
          break;
        }
      }
      if (areaName) break;
    }
    const lineUnits = findUnits(s, Math.max(0, r - 6, title?.row ?? 0), r);
    const units = lineUnits.found ? lineUnits : unitsInLabels(s, r, head.firstRow, end, cols.roleCol);
    // A side neither states: the unit its cells state (`22,683억원` under `(단위 : 명)`), not the usual one.
    if (units.target === null || units.budget === null) {
      const inCells = unitsInCells(groups);
      units.target ??= inCells.target;
      units.budget ??= inCells.budget;
      if (inCells.target !== null || inCells.budget !== null) units.found = true;
    }
    if (!units.found) asm.missingUnitLines.push(label);
    const { total, subprojects, subtotals } = taskRows(groups, asm, yearCols.length);
    if (!title) asm.problem(T.tableName, `${refOf(s, r, head.nameCol).cell}의 실천과제 표 위에서 과제명(① 과제명)을 찾지 못했습니다`, `task title (① name) not found above the table at ${refOf(s, r, head.nameCol).cell}`, 'table', refOf(s, r, head.nameCol));
    const task: Task = {
      no,
      name: title?.name ?? '',
      label,
      areaName,
      areaIndex: null,
      targetUnit: units.target ?? '명',
      budgetUnit: units.budget ?? '백만원',
      total,
      subprojects,
    };
    if (subtotals) task.subtotals = subtotals;
    asm.plan.tasks.push(task);
    asm.taskPlaces.set(task, { sheet: s, row: title?.row ?? r });
  },
  render(d, ctx) {
    if (isResultsOnly(d)) return null;
    const { sheet, places } = renderTasks(d, ctx.names.tasks, ctx.opts);
    ctx.taskPlaces = places;
    return sheet;
  },
};

/**
 * A task table's row pairs as its 총계 (the first pair, when it is named so), its 소계 and its 세부사업; a
 * missing row is reported and read as a placeholder. The loop over the 세부사업 sits in a function of its
 * own: the reader of a whole table is then not made hot by it (V8 compiled that large function several
 * times per check), only this small one is.
 */
function taskRows(groups: readonly RowGroup[], asm: Assembly, yearCount: number): { total: Task['total']; subprojects: SubProject[]; subtotals?: Subtotal[] } {
  let total: Task['total'] = null;
  const subprojects: SubProject[] = [];
  const at = totalAt(groups, T.taskTotal);
  /** Is there a 소계 pair besides the total? Only a name starting as 소계 or 중계 does is looked at further. */
  let subtotal = false;
  for (let i = 0; i < groups.length; i++) {
    const g = groups[i];
    const target = g.target ?? asm.missingRow(T.tableName, g.label, g.name, 'target', missingSeries(g.label, yearCount));
    const budget = g.budget ?? asm.missingRow(T.tableName, g.label, g.name, 'budget', missingSeries(g.label, yearCount));
    if (i === at) total = { label: g.label, target, budget };
    else {
      subprojects.push({ name: g.name, label: g.label, target, budget });
      if (!subtotal && isSubtotalName(g.name)) subtotal = true;
    }
  }
  return subtotal ? withSubtotals(subprojects, total, at, groups) : { total, subprojects };
}

/**
 * A table with 소계 pairs among its 세부사업 (`rows`: its pairs but the total, `total` the pair at `at`): the
 * 세부사업 without them, and each 소계 with its group. A 소계 first or last is the table's total (TASK_TOTAL)
 * only when the table has no other 소계 and no other total. A table whose first pair after its total is a
 * 소계 heads each group with its 소계 (`side` 'before'); else each 소계 follows its group, as most do.
 */
function withSubtotals(rows: SubProject[], total: Task['total'], at: number, groups: readonly RowGroup[]): { total: Task['total']; subprojects: SubProject[]; subtotals: Subtotal[] } {
  if (total !== null && isSubtotalName(groups[at].name)) {
    // The 소계 taken for the total is one of several: the total is the other end's 총계/합계, or none.
    rows.splice(at === 0 ? 0 : rows.length, 0, { name: groups[at].name, ...total });
    total = null;
    const end = at === 0 ? rows.length - 1 : 0;
    if (rows.length > 1 && matches(rows[end].name, T.taskTotal) && !isSubtotalName(rows[end].name)) {
      const [t] = rows.splice(end, 1);
      total = { label: t.label, target: t.target, budget: t.budget };
    }
  }
  const subprojects: SubProject[] = [];
  const subtotals: Subtotal[] = [];
  const side: Subtotal['side'] = rows.length > 0 && isSubtotalName(rows[0].name) ? 'before' : 'after';
  /** Where the rows after the last 소계 start. */
  let since = 0;
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i];
    if (!isSubtotalName(row.name)) {
      subprojects.push(row);
      continue;
    }
    // Below its group: its rows since the 소계 before it (or the table's first row).
    const first = side === 'after' ? since : subprojects.length;
    subtotals.push({ name: row.name, label: row.label, target: row.target, budget: row.budget, first, count: subprojects.length - first, side });
    since = subprojects.length;
  }
  // Above its group: its rows run to the next 소계 or the table's end.
  if (side === 'before') for (let k = 0; k < subtotals.length; k++) subtotals[k].count = (k + 1 < subtotals.length ? subtotals[k + 1].first : subprojects.length) - subtotals[k].first;
  return { total, subprojects, subtotals };
}

/** The accepted tables of one sheet, grouped once per assembly (a sheet may hold hundreds of task tables). */
const bySheet = new WeakMap<Assembly, Map<TableSheet, TableMatch[]>>();
function acceptedOn(asm: Assembly, s: TableSheet): TableMatch[] {
  let m = bySheet.get(asm);
  if (!m) {
    m = new Map();
    for (const t of asm.accepted) m.set(t.sheet, [...(m.get(t.sheet) ?? []), t]);
    bySheet.set(asm, m);
  }
  return m.get(s) ?? [];
}

/**
 * The task's title: the nearest title line above the header, not above the previous plan table on the
 * sheet; else the sheet's own name (`①`, `과제1`, the task's name) when the sheet holds one task.
 */
function findTitle(s: TableSheet, header: number, asm: Assembly): { no: number; name: string; ref: ReturnType<typeof refOf>; row: number } | null {
  const onSheet = acceptedOn(asm, s);
  const floor = onSheet.filter((t) => t.last < header).reduce((m, t) => Math.max(m, t.last + 1), 0);
  for (let k = header - 1; k >= floor; k--) {
    const line = lineText(s, k);
    if (line === null) continue;
    const parsed = parseTaskTitle(line);
    if (parsed && parsed.name !== '' && !/^[\d,.]+$/.test(parsed.name)) return { ...parsed, ref: refOf(s, k, 0), row: k };
    // The number on its own line and the name on the next: `2` / `청년 일자리 지원 및 취업역량 강화`.
    if (/^\d{1,2}$/.test(line) || (parsed && parsed.name === '')) {
      const no = parsed?.no ?? Number(line);
      for (let j = k + 1; j < header; j++) {
        const next = lineText(s, j);
        if (next === null || next === '') continue;
        if (/^[□○◦▶■\-*※(]/.test(next) || parseTaskTitle(next)) break;
        return { no, name: next.replace(/\*\*/g, '').trim(), ref: refOf(s, k, 0), row: k };
      }
    }
  }
  // A title numbered in another way (`(1) …`, `1) …`, `[과제1] …`, `3-1. …`) or not at all: the line nearest
  // the table that names a task of the document's overview, numbered as the overview numbers it. (Such
  // numbers alone are not taken: a task's own prose numbers its items the same way.)
  if (asm.taskNames.size > 0) {
    const byName = new Map<string, number>();
    asm.taskNames.forEach((name, no) => byName.set(nameKey(name), no));
    for (let k = header - 1; k >= floor; k--) {
      const line = lineText(s, k);
      if (line === null || line === '') continue;
      const name = withoutLeadingMark(line.replace(/\*\*/g, '')).trim();
      const no = byName.get(nameKey(name));
      if (no !== undefined) return { no, name, ref: refOf(s, k, 0), row: k };
    }
  }
  const sheetTasks = onSheet.filter((t) => t.kind === 'tasks');
  if (sheetTasks.length === 1 && !s.grid.source) {
    const parsed = parseTaskTitle(s.name);
    if (parsed) return { ...parsed, ref: refOf(s, header, 0), row: 0 };
    // A sheet named after its task (no number): numbered in reading order.
    if (!/^(sheet|시트)\s*\d*$/i.test(s.name.trim())) return { no: asm.plan.tasks.length + 1, name: s.name.trim(), ref: refOf(s, header, 0), row: 0 };
  }
  return null;
}
