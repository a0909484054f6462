/**
 * Reads any workbook in the template's shape back into a Plan. Tables are found by their labels
 * (template/description.ts), not by fixed addresses, so inserted or deleted rows, added 세부사업,
 * renamed or reordered sheets, extra spaces, merged cells and numbers stored as text all still read.
 * What cannot be found becomes a ReadProblem; nothing here throws on a strange workbook.
 */
import { a1, parseRange } from '../grid/a1';
import { cellText, sheetWidth, withMergesFilled, type GridCell, type GridSheet, type GridWorkbook } from '../grid/grid';
import type { IndicatorKind } from '../model/draft';
import type { PlanPeriod } from '../model/period';
import { DEFAULT_PERIOD } from '../model/period';
import { DEFAULT_SETTINGS, type CellRef, type Figure, type Indicator, type Plan, type ReadProblem, type Series, type StrategyArea, type SubProject, type Task } from '../model/plan';
import { parseUnitLine, targetAndBudgetUnits } from '../model/units';
import { parseKoreanNumber } from '../numbers/parse';
import { figureOf } from './figure';
import { TEMPLATE, matches, nameKey, norm, parseTaskTitle, yearOfHeader, type Label } from './description';
import { planAbsentNote, planTablesVerdict, readExtraSheets } from '../results/read';

export interface ReadResult {
  plan: Plan;
  problems: ReadProblem[];
}

/** A sheet prepared for label lookups: merged labels spread, widths known. */
interface Sheet {
  name: string;
  grid: GridSheet;
  width: number;
}

function text(s: Sheet, r: number, c: number): string {
  const cell = s.grid.rows[r]?.[c];
  return cellText(cell).trim();
}

function isBlankRow(s: Sheet, r: number, fromCol = 0, toCol = 2): boolean {
  for (let c = fromCol; c <= toCol; c++) if (text(s, r, c) !== '') return false;
  return true;
}

function figure(s: Sheet, r: number, c: number): Figure {
  return figureOf(s.grid.rows[r]?.[c], refOf(s, r, c));
}

function refOf(s: Sheet, r: number, c: number): CellRef {
  return { sheet: s.name, cell: a1(r, c) };
}

/** Finds the first row (from `from`) holding a cell that matches the label; returns row and column. */
function findLabel(s: Sheet, l: Label, from = 0, to = s.grid.rows.length - 1): { row: number; col: number } | null {
  for (let r = from; r <= to; r++) {
    const row = s.grid.rows[r];
    if (!row) continue;
    for (let c = 0; c < row.length; c++) if (matches(cellText(row[c]), l)) return { row: r, col: c };
  }
  return null;
}

function findInRow(s: Sheet, r: number, pred: (t: string) => boolean): number {
  for (let c = 0; c < s.width; c++) if (pred(text(s, r, c))) return c;
  return -1;
}

/** Columns of a header row whose text names a year, e.g. "2023년" → 2023. */
function yearColumns(s: Sheet, r: number): Map<number, number> {
  const m = new Map<number, number>();
  for (let c = 0; c < s.width; c++) {
    const cell = s.grid.rows[r]?.[c];
    if (cell?.mergedCopy) continue;
    const y = yearOfHeader(text(s, r, c));
    if (y !== null && !m.has(y)) m.set(y, c);
  }
  return m;
}

function isFootnote(t: string): boolean {
  return /^[*※]/.test(t) || t.startsWith('자료') || t.startsWith('주)');
}

interface Ctx {
  sheets: Sheet[];
  problems: ReadProblem[];
  period: PlanPeriod | null;
  cellsRead: number;
}

function problem(ctx: Ctx, table: string, message: string, messageEn: string, level: ReadProblem['level'] = 'table', ref?: CellRef): void {
  ctx.problems.push(ref ? { table, message, messageEn, level, ref } : { table, message, messageEn, level });
}

function readOverview(ctx: Ctx): { region: string | null; term: number | null; preparedDate: string | null; sheet: string | null; startYear: number | null; years: number | null; settings: Plan['settings'] } {
  const f = TEMPLATE.overview.fields;
  const settings = { ...DEFAULT_SETTINGS };
  const out = { region: null as string | null, term: null as number | null, preparedDate: null as string | null, sheet: null as string | null, startYear: null as number | null, years: null as number | null, settings };
  for (const s of ctx.sheets) {
    const at = findLabel(s, f.region) ?? findLabel(s, f.startYear);
    if (!at) continue;
    out.sheet = s.name;
    const valueOf = (l: Label): { t: string; n: number | null; ref: CellRef } | null => {
      const p = findLabel(s, l);
      if (!p) return null;
      for (let c = p.col + 1; c < s.width; c++) {
        const cell = s.grid.rows[p.row]?.[c];
        if (cell && !cell.mergedCopy && cell.value !== null && String(cell.value).trim() !== '') {
          return { t: String(cell.value).trim(), n: parseKoreanNumber(cell.value).value, ref: refOf(s, p.row, c) };
        }
      }
      return null;
    };
    out.region = valueOf(f.region)?.t ?? null;
    out.term = valueOf(f.term)?.n ?? null;
    out.preparedDate = valueOf(f.preparedDate)?.t ?? null;
    out.startYear = valueOf(f.startYear)?.n ?? null;
    out.years = valueOf(f.years)?.n ?? null;
    const rate = valueOf(f.requiredRateChange)?.n;
    const count = valueOf(f.requiredCountChange)?.n;
    if (rate !== null && rate !== undefined) settings.requiredRateChange = rate;
    if (count !== null && count !== undefined) settings.requiredCountChange = count;
    break;
  }
  return out;
}

function readIndicators(ctx: Ctx, period: PlanPeriod): { indicators: Indicator[]; sheet: string | null } {
  const t = TEMPLATE.indicators;
  for (const s of ctx.sheets) {
    for (let r = 0; r < s.grid.rows.length; r++) {
      const anchorCol = findInRow(s, r, (x) => matches(x, t.anchor));
      if (anchorCol < 0) continue;
      const changeCol = findInRow(s, r, (x) => norm(x).includes('증감'));
      // The 분야별 목표 and 실천과제 tables also have a 구분 column; they never have a change column.
      if (changeCol < 0 || findInRow(s, r, (x) => matches(x, TEMPLATE.areas.anchor) || matches(x, TEMPLATE.tasks.anchor)) >= 0) continue;
      let years = yearColumns(s, r);
      let firstRow = r + 1;
      // A two-row header ("목표" above the years) keeps its years on the next row.
      const below = yearColumns(s, r + 1);
      if (below.size > 0) {
        years = new Map([...years, ...below]);
        firstRow = r + 2;
      }
      const base = period.startYear - 1;
      const unitCol = findInRow(s, r, (x) => matches(x, t.unitHeader));
      let baseCol = years.get(base) ?? -1;
      if (baseCol < 0) baseCol = findInRow(s, r, (x) => t.baseMarkers.some((m) => x.includes(m)));
      const lastActualYears = [...years.keys()].filter((y) => y < base).sort((a, b) => b - a);
      const lastCol = lastActualYears.length ? years.get(lastActualYears[0])! : -1;
      const targetCols = Array.from({ length: period.years }, (_, i) => years.get(period.startYear + i) ?? -1);
      if (baseCol < 0) {
        problem(ctx, t.tableName, `기준연도(${base}년) 열을 찾지 못했습니다`, `base-year column (${base}) not found`, 'table', refOf(s, r, anchorCol));
        return { indicators: [], sheet: s.name };
      }
      const missing = targetCols.map((c, i) => (c < 0 ? period.startYear + i : null)).filter((y) => y !== null);
      if (missing.length) {
        problem(ctx, t.tableName, `목표 연도 열을 찾지 못했습니다: ${missing.join(', ')}년`, `target-year columns not found: ${missing.join(', ')}`, 'table', refOf(s, r, anchorCol));
      }
      const indicators: Indicator[] = [];
      for (let row = firstRow; row < s.grid.rows.length; row++) {
        const name = text(s, row, anchorCol);
        if (name === '' || isFootnote(name)) break;
        const unit = unitCol >= 0 ? text(s, row, unitCol) : '';
        const kind: IndicatorKind = unit === '%' || (unit === '' && /[률율]/.test(name)) ? 'rate' : 'count';
        indicators.push({
          name: name.replace(/\s+/g, ' '),
          kind,
          unit: unit || (kind === 'rate' ? '%' : '명'),
          label: refOf(s, row, anchorCol),
          lastActual: lastCol >= 0 ? figure(s, row, lastCol) : null,
          base: figure(s, row, baseCol),
          targets: targetCols.filter((c) => c >= 0).map((c) => figure(s, row, c)),
          statedChange: figure(s, row, changeCol),
        });
        ctx.cellsRead += 4 + period.years;
      }
      return { indicators, sheet: s.name };
    }
  }
  problem(ctx, t.tableName, `'${t.anchor.text}'와 '증감' 머리글이 있는 표를 찾지 못했습니다`, `no table with headers '${t.anchor.text}' and '증감' found`);
  return { indicators: [], sheet: null };
}

type Role = 'target' | 'budget' | null;

function roleOf(t: string): Role {
  if (matches(t, TEMPLATE.roles.target) || norm(t).includes('성과')) return 'target';
  if (matches(t, TEMPLATE.roles.budget) || norm(t).includes('예산')) return 'budget';
  return null;
}

interface RowGroup {
  name: string;
  label: CellRef;
  target: Series | null;
  budget: Series | null;
  remark: string;
  rows: number[];
}

/**
 * Reads the row pairs under a header: each group is a name (column `nameCol`, possibly merged over
 * both rows or written on the first row only) with a 성과목표 row and a 소요예산 row.
 */
function readGroups(ctx: Ctx, s: Sheet, firstRow: number, nameCol: number, roleCol: number, totalCol: number, yearCols: number[], remarkCol: number, stop: (r: number) => boolean): { groups: RowGroup[]; end: number } {
  const groups: RowGroup[] = [];
  let current: RowGroup | null = null;
  let r = firstRow;
  for (; r < s.grid.rows.length; r++) {
    if (stop(r)) break;
    const rawName = s.grid.rows[r]?.[nameCol];
    const name = text(s, r, nameCol);
    const role = roleOf(text(s, r, roleCol));
    if (name === '' && role === null) {
      // An empty spacer row inside a table (a user inserted one between two 세부사업): read on when
      // the table goes on below it, i.e. the next non-empty row is a 성과목표/소요예산 row.
      if (isBlankRow(s, r, 0, s.width - 1) && tableGoesOn(s, r + 1, nameCol, roleCol, stop)) continue;
      break;
    }
    if (isFootnote(name)) break;
    const startsGroup = name !== '' && (!rawName?.mergedCopy || current === null || nameKey(current.name) !== nameKey(name));
    // A fresh name starts a group, unless it is the same merged label; a row with the same role as one already read also starts one.
    if (startsGroup || current === null || (role !== null && current[role] !== null)) {
      current = { name: name.replace(/\s+/g, ' '), label: refOf(s, r, nameCol), target: null, budget: null, remark: '', rows: [] };
      groups.push(current);
    }
    current.rows.push(r);
    const series: Series = { total: figure(s, r, totalCol), years: yearCols.map((c) => figure(s, r, c)) };
    ctx.cellsRead += 2 + yearCols.length;
    if (role === 'budget') current.budget = series;
    else current.target = series; // an unlabelled row is read as the target row
    if (remarkCol >= 0 && text(s, r, remarkCol) !== '') current.remark += text(s, r, remarkCol);
  }
  return { groups, end: r };
}

/** After empty rows from `from`: is the next row (within 3) another row of the same table? */
function tableGoesOn(s: Sheet, from: number, nameCol: number, roleCol: number, stop: (r: number) => boolean): boolean {
  for (let r = from; r < Math.min(s.grid.rows.length, from + 3); r++) {
    if (isBlankRow(s, r, 0, s.width - 1)) continue;
    return !stop(r) && !isFootnote(text(s, r, nameCol)) && roleOf(text(s, r, roleCol)) !== null;
  }
  return false;
}

/**
 * A placeholder for a row missing from its table (a 세부사업 without its 소요예산 row): the reader
 * reports it once, and its figures point at the row's label and count as 0 without further findings.
 */
function missingSeries(ctx: Ctx, table: string, label: CellRef, name: string, role: 'target' | 'budget', yearCount: number): Series {
  const roleName = role === 'target' ? TEMPLATE.roles.target.text : TEMPLATE.roles.budget.text;
  problem(ctx, table, `'${name}'의 ${roleName} 행이 없습니다 (0으로 셈)`, `'${name}' has no ${roleName} row (counted as 0)`, 'table', label);
  const placeholder = (): Figure => ({ ref: label, value: null, state: 'blank', raw: null, decimals: 0, missing: true });
  return { total: placeholder(), years: Array.from({ length: yearCount }, placeholder) };
}

function headerColumns(ctx: Ctx, s: Sheet, r: number, table: string, period: PlanPeriod, totalLabel: Label, roleLabel: Label) {
  const years = yearColumns(s, r);
  const totalCol = findInRow(s, r, (x) => matches(x, totalLabel));
  const roleCol = findInRow(s, r, (x) => matches(x, roleLabel));
  const yearCols = Array.from({ length: period.years }, (_, i) => years.get(period.startYear + i) ?? -1);
  const missing = yearCols.map((c, i) => (c < 0 ? period.startYear + i : null)).filter((y) => y !== null);
  if (missing.length) problem(ctx, table, `연도 열을 찾지 못했습니다: ${missing.join(', ')}년 (${s.name} ${r + 1}행)`, `year columns not found: ${missing.join(', ')} (${s.name} row ${r + 1})`, 'table', refOf(s, r, 0));
  if (totalCol < 0) problem(ctx, table, `'${totalLabel.text}' 열을 찾지 못했습니다 (${s.name} ${r + 1}행)`, `'${totalLabel.text}' column not found (${s.name} row ${r + 1})`, 'table', refOf(s, r, 0));
  return { totalCol, roleCol, yearCols: yearCols.filter((c) => c >= 0), ok: missing.length === 0 && totalCol >= 0 && roleCol >= 0 };
}

function readAreas(ctx: Ctx, period: PlanPeriod): Pick<Plan, 'areas' | 'grandTotal' | 'areasSheet' | 'areaUnits'> {
  const t = TEMPLATE.areas;
  for (const s of ctx.sheets) {
    const at = findLabel(s, t.anchor);
    if (!at) continue;
    if (findInRow(s, at.row, (x) => matches(x, t.roleHeader)) < 0) continue;
    const cols = headerColumns(ctx, s, at.row, t.tableName, period, t.totalHeader, t.roleHeader);
    const units = findUnits(s, Math.max(0, at.row - 3), at.row);
    const areaUnits = { target: units.target ?? '명', budget: units.budget ?? '백만원' };
    if (!cols.ok) return { areas: [], grandTotal: null, areasSheet: s.name, areaUnits };
    const remarkCol = findInRow(s, at.row, (x) => matches(x, t.remarkHeader));
    const { groups } = readGroups(ctx, s, at.row + 1, at.col, cols.roleCol, cols.totalCol, cols.yearCols, remarkCol, () => false);
    let grandTotal: Plan['grandTotal'] = null;
    const areas: StrategyArea[] = [];
    for (const g of groups) {
      if (grandTotal === null && areas.length === 0 && matches(g.name, t.grandTotal)) {
        grandTotal = { label: g.label, target: g.target ?? missingSeries(ctx, t.tableName, g.label, g.name, 'target', period.years), budget: g.budget };
        continue;
      }
      areas.push({
        name: g.name,
        label: g.label,
        excludedFromBudgetTotal: g.remark.includes('제외'),
        target: g.target ?? missingSeries(ctx, t.tableName, g.label, g.name, 'target', period.years),
        budget: g.budget,
      });
    }
    if (grandTotal === null) problem(ctx, t.tableName, `'${t.grandTotal.text}' 행을 찾지 못했습니다`, `'${t.grandTotal.text}' row not found`, 'table', refOf(s, at.row, at.col));
    // Footnotes such as "* 소요예산 : 민간일자리창출 분야 민간사업비 제외" mark an area excluded when no remark does.
    if (!areas.some((a) => a.excludedFromBudgetTotal)) {
      for (let r = at.row + 1; r < Math.min(s.grid.rows.length, at.row + 3 + groups.length * 2 + 6); r++) {
        const note = text(s, r, 0);
        if (!isFootnote(note) || !note.includes('제외')) continue;
        for (const a of areas) if (a.budget === null) a.excludedFromBudgetTotal = true;
      }
    }
    return { areas, grandTotal, areasSheet: s.name, areaUnits };
  }
  problem(ctx, t.tableName, `'${t.anchor.text}' 머리글이 있는 표를 찾지 못했습니다`, `no table with header '${t.anchor.text}' found`);
  return { areas: [], grandTotal: null, areasSheet: null, areaUnits: { target: '명', budget: '백만원' } };
}

function findUnits(s: Sheet, from: number, to: number): { target: string | null; budget: string | null } {
  for (let r = to; r >= from; r--) {
    for (let c = 0; c < s.width; c++) {
      const units = parseUnitLine(text(s, r, c));
      if (units) return targetAndBudgetUnits(units);
    }
  }
  return { target: null, budget: null };
}

function readTasks(ctx: Ctx, period: PlanPeriod, areas: StrategyArea[]): Task[] {
  const t = TEMPLATE.tasks;
  const tasks: Task[] = [];
  const areaKeys = areas.map((a) => nameKey(a.name));
  for (const s of ctx.sheets) {
    for (let r = 0; r < s.grid.rows.length; r++) {
      const anchorCol = findInRow(s, r, (x) => matches(x, t.anchor));
      if (anchorCol < 0) continue;
      // A header with a 성과목표 column is a one-year table (연차별 세부계획, results/read.ts), not a 실천과제 table.
      if (findInRow(s, r, (x) => matches(x, TEMPLATE.roles.target)) >= 0) continue;
      const cols = headerColumns(ctx, s, r, t.tableName, period, t.totalHeader, t.roleHeader);
      if (!cols.ok) continue;
      // Above the header: the title (① 과제명), the 전략분야 line and the unit line.
      let title: { no: number; name: string } | null = null;
      let titleRef = refOf(s, r, anchorCol);
      let areaName = '';
      const top = Math.max(0, r - 6);
      for (let k = r - 1; k >= top; k--) {
        const first = text(s, k, 0);
        if (k < r - 1 && findInRow(s, k, (x) => matches(x, t.anchor)) >= 0) break; // the previous table
        if (!title) {
          const parsed = parseTaskTitle(first);
          if (parsed) {
            title = parsed;
            titleRef = refOf(s, k, 0);
          }
        }
        const areaCol = findInRow(s, k, (x) => matches(x, t.areaLabel));
        if (!areaName && areaCol >= 0) {
          for (let c = areaCol + 1; c < s.width; c++) {
            const v = text(s, k, c);
            if (v !== '') {
              areaName = v.replace(/\s+/g, ' ');
              break;
            }
          }
        }
        if (title) break;
      }
      const units = findUnits(s, top, r);
      const next = (row: number) => row > r + 1 && (findInRow(s, row, (x) => matches(x, t.anchor)) >= 0 || parseTaskTitle(text(s, row, 0)) !== null);
      const { groups, end } = readGroups(ctx, s, r + 1, anchorCol, cols.roleCol, cols.totalCol, cols.yearCols, -1, next);
      const no = title?.no ?? tasks.length + 1;
      const label = title ? titleRef : refOf(s, r, anchorCol);
      let total: Task['total'] = null;
      const subprojects: SubProject[] = [];
      for (const g of groups) {
        const target = g.target ?? missingSeries(ctx, t.tableName, g.label, g.name, 'target', period.years);
        const budget = g.budget ?? missingSeries(ctx, t.tableName, g.label, g.name, 'budget', period.years);
        if (total === null && subprojects.length === 0 && matches(g.name, t.taskTotal)) total = { label: g.label, target, budget };
        else subprojects.push({ name: g.name, label: g.label, target, budget });
      }
      if (!title) problem(ctx, t.tableName, `${s.name} ${r + 1}행 표의 과제명(① 과제명)을 찾지 못했습니다`, `task title (① name) not found above the table at ${s.name} row ${r + 1}`, 'table', refOf(s, r, anchorCol));
      const key = nameKey(areaName);
      const idx = areaName ? areaKeys.indexOf(key) : -1;
      if (!areaName) problem(ctx, t.tableName, `${circled(no)} 과제의 '${t.areaLabel.text}' 줄을 찾지 못했습니다`, `task ${no}: '${t.areaLabel.text}' line not found`, 'table', label);
      else if (idx < 0 && areas.length > 0) problem(ctx, t.tableName, `${circled(no)} 과제의 전략분야 '${areaName}'가 분야별 목표에 없습니다`, `task ${no}: strategy area '${areaName}' is not in 분야별 목표`, 'table', label);
      tasks.push({
        no,
        name: title?.name ?? '',
        label,
        areaName,
        areaIndex: idx >= 0 ? idx : null,
        targetUnit: units.target ?? '명',
        budgetUnit: units.budget ?? '백만원',
        total,
        subprojects,
      });
      r = end - 1;
    }
  }
  if (tasks.length === 0) problem(ctx, t.tableName, `'${t.anchor.text}' 머리글이 있는 실천과제 표를 찾지 못했습니다`, `no 실천과제 table with header '${t.anchor.text}' found`);
  return tasks;
}

function circled(no: number): string {
  return `${no}번`;
}

/** When the overview is missing, the period comes from the year headers of the 분야별 목표 or 실천과제 tables. */
function inferPeriod(ctx: Ctx): PlanPeriod | null {
  for (const anchor of [TEMPLATE.areas.anchor, TEMPLATE.tasks.anchor]) {
    for (const s of ctx.sheets) {
      const at = findLabel(s, anchor);
      if (!at) continue;
      const years = [...yearColumns(s, at.row).keys()].sort((a, b) => a - b);
      if (years.length) return { startYear: years[0], years: years[years.length - 1] - years[0] + 1 };
    }
  }
  return null;
}

export function readPlan(wb: GridWorkbook): ReadResult {
  const sheets: Sheet[] = wb.sheets.map((g) => {
    const grid = withMergesFilled(g, parseRange);
    return { name: g.name, grid, width: sheetWidth(grid) };
  });
  const ctx: Ctx = { sheets, problems: [], period: null, cellsRead: 0 };
  const overview = readOverview(ctx);
  let period: PlanPeriod | null = null;
  if (overview.startYear !== null && Number.isInteger(overview.startYear)) {
    period = { startYear: overview.startYear, years: overview.years && Number.isInteger(overview.years) && overview.years > 0 ? overview.years : DEFAULT_PERIOD.years };
  } else {
    period = inferPeriod(ctx);
    if (overview.sheet === null) problem(ctx, TEMPLATE.overview.sheetName, `'${TEMPLATE.overview.fields.startYear.text}' 항목이 없어 표의 연도 머리글로 계획기간을 정했습니다`, `no '${TEMPLATE.overview.fields.startYear.text}' field: plan period taken from the year headers`, 'table');
  }
  const effective = period ?? DEFAULT_PERIOD;
  const ind = readIndicators(ctx, effective);
  const areas = readAreas(ctx, effective);
  const tasks = readTasks(ctx, effective, areas.areas);
  // The 성과 and 연차별 세부계획 sheets; a workbook with only those is not fatal (see planTablesVerdict).
  const extras = readExtraSheets(wb);
  const verdict = planTablesVerdict(ind.indicators.length > 0 || areas.areas.length > 0 || tasks.length > 0, extras);
  if (verdict === 'results-only') {
    ctx.problems.splice(0, ctx.problems.length, planAbsentNote());
    const year = extras.results?.year ?? extras.annualPlan?.year ?? null;
    if (period === null && year !== null) period = { startYear: year, years: 1 };
  }
  ctx.problems.push(...extras.problems);
  ctx.cellsRead += extras.cellsRead;
  if (verdict === 'none') {
    ctx.problems.unshift({ table: '전체', level: 'fatal', message: '일자리 목표 공시 표(공통 일자리 목표, 분야별 목표, 실천과제)를 하나도 찾지 못했습니다', messageEn: 'none of the plan tables (공통 일자리 목표, 분야별 목표, 실천과제) were found' });
  }
  const plan: Plan = {
    meta: { region: overview.region ?? extras.results?.region ?? extras.annualPlan?.region ?? null, term: overview.term, preparedDate: overview.preparedDate, sheet: overview.sheet },
    period: period ?? effective,
    settings: overview.settings,
    indicators: ind.indicators,
    indicatorsSheet: ind.sheet,
    ...areas,
    tasks,
    ...(extras.results ? { results: extras.results } : {}),
    ...(extras.annualPlan ? { annualPlan: extras.annualPlan } : {}),
    cellsRead: ctx.cellsRead,
  };
  return { plan, problems: ctx.problems };
}
