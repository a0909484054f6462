/**
 * The workbook assembler: scans every sheet once (merged cells filled once), runs every table kind's
 * detector, settles overlaps and choices in one place, decides the plan period, reads each accepted
 * table, links tasks to areas, and says what it found and did not find in the user's terms.
 * Nothing here throws on a strange workbook: what cannot be read becomes a ReadProblem.
 */
import { qualified } from '../grid/a1';
import type { GridWorkbook } from '../grid/grid';
import { DEFAULT_PERIOD, periodProblem, planYears, type PlanPeriod } from '../model/period';
import { DEFAULT_SETTINGS, type CellRef, type Plan, type ReadProblem } from '../model/plan';
import { ANNUAL, RESULTS } from '../results/description';
import { TEMPLATE } from '../template/description';
import { TABLE_KINDS } from './index';
import { quotedAnd } from './labels';
import { linkTasks } from './links';
import type { IndicatorMatch } from './indicators';
import { overviewPeriod, type TitleMatch } from './overview';
import { missingTableProblem } from './results';
import { prepareSheets, refOf } from './sheet';
import type { Assembly, TableKind, TableMatch } from './types';

export interface ReadResult {
  plan: Plan;
  problems: ReadProblem[];
}

const SINGLE: ReadonlySet<string> = new Set(['overview', 'title', 'indicators', 'areas', 'results', 'annual']);

/** Two tables claim the same rows: the earlier kind in TABLE_KINDS wins (a 성과 header never hides a plan table). */
function overlaps(a: TableMatch, b: TableMatch): boolean {
  return a.sheet === b.sheet && a.header <= b.last && b.header <= a.last;
}

function emptyPlan(): Plan {
  return {
    meta: { region: null, term: null, preparedDate: null, sheet: null },
    period: DEFAULT_PERIOD,
    settings: { ...DEFAULT_SETTINGS },
    indicators: [],
    indicatorsSheet: null,
    areaUnits: { target: '명', budget: '백만원' },
    grandTotal: null,
    areas: [],
    areasSheet: null,
    tasks: [],
    cellsRead: 0,
  };
}

/** Kinds a plan has once: met again further on, they begin another plan. */
const ONCE_PER_PLAN: readonly string[] = ['overview', 'areas'];

function before(m: TableMatch, at: TableMatch): boolean {
  return m.sheet.index < at.sheet.index || (m.sheet.index === at.sheet.index && m.header < at.header);
}

/**
 * Where a second plan begins, when the workbook holds two (the template inserted twice, two plans pasted
 * side by side): the earliest repeat of a table a plan has once (개요, 분야별 목표). Read together, the
 * second plan's 실천과제 would be summed into the first one's 분야별 목표.
 */
function secondPlan(found: readonly TableMatch[]): { first: TableMatch; at: TableMatch } | null {
  let best: { first: TableMatch; at: TableMatch } | null = null;
  for (const kind of ONCE_PER_PLAN) {
    const ofKind = found.filter((m) => m.kind === kind).sort((a, b) => (before(a, b) ? -1 : 1));
    if (ofKind.length > 1 && (!best || before(ofKind[1], best.at))) best = { first: ofKind[0], at: ofKind[1] };
  }
  return best;
}

function secondPlanProblem({ first, at }: { first: TableMatch; at: TableMatch }): ReadProblem {
  const kind = TABLE_KINDS.find((k) => k.id === at.kind)!;
  const place = (m: TableMatch) => {
    const ref = refOf(m.sheet, m.header, 0);
    return qualified(ref.sheet, ref.cell);
  };
  return {
    table: kind.name,
    level: 'warning',
    message: `계획이 둘 이상 있습니다: ${kind.name} 표가 두 번 나옵니다(${place(first)}, ${place(at)}) — 첫 계획만 검증했고 ${place(at)}부터는 읽지 않았습니다. 계획마다 따로 검증하세요`,
    messageEn: `more than one plan: the ${kind.nameEn} table appears twice (${place(first)}, ${place(at)}); only the first plan was checked, nothing from ${place(at)} on was read. Check each plan on its own`,
    ref: refOf(at.sheet, at.header, 0),
  };
}

/** The period most year headers of the 분야별 목표 and 실천과제 tables agree on. */
function periodFromHeaders(found: TableMatch[]): PlanPeriod | null {
  const votes = new Map<string, number>();
  for (const m of found) {
    if ((m.kind !== 'areas' && m.kind !== 'tasks') || m.years.length === 0) continue;
    const key = `${m.years[0]}:${m.years[m.years.length - 1] - m.years[0] + 1}`;
    votes.set(key, (votes.get(key) ?? 0) + (m.kind === 'areas' ? 2 : 1));
  }
  const best = [...votes.entries()].sort((a, b) => b[1] - a[1])[0];
  if (!best) return null;
  const [startYear, years] = best[0].split(':').map(Number);
  return { startYear, years };
}

export function readWorkbook(wb: GridWorkbook): ReadResult {
  const sheets = prepareSheets(wb);
  let found: TableMatch[] = [];
  for (const kind of TABLE_KINDS) for (const s of sheets) found.push(...kind.detect(s));
  const second = secondPlan(found);
  if (second) found = found.filter((m) => before(m, second.at));

  // The period: the 개요's, else the title line's, else the year headers'.
  const overview = found.find((m) => m.kind === 'overview');
  const title = found.find((m) => m.kind === 'title') as TitleMatch | undefined;
  const stated = overview ? overviewPeriod(overview.sheet) : null;
  const fromHeaders = periodFromHeaders(found);
  let period: PlanPeriod | null = stated ? { startYear: stated.startYear, years: stated.years ?? DEFAULT_PERIOD.years } : (title?.period ?? fromHeaders);
  const periodStated = stated !== null || Boolean(title?.period);
  // The 개요's period is a setting typed by hand; the tables' year headers do not follow it. When they
  // disagree, every table misses years or has extra ones: say the cause once, at the 개요.
  const periodMismatch = stated && fromHeaders && (stated.startYear !== fromHeaders.startYear || (stated.years ?? DEFAULT_PERIOD.years) !== fromHeaders.years) ? { stated, fromHeaders } : null;
  // A period no plan can have (figures of 1e308 where the years belong) is no period: the tables are then read without one.
  if (period && periodProblem(period) !== null) period = null;

  // Settle: one table for the single kinds; the 공통 일자리 목표 is the one whose years cover the plan
  // period (chapter II's employment trends also have a change column, but only past years).
  const accepted: TableMatch[] = [];
  const byKind = (id: string) => found.filter((m) => m.kind === id);
  /** A 공통 일자리 목표 table (with its change column) none of whose years lies in the plan period. */
  let indicatorsOutside: IndicatorMatch | null = null;
  for (const kind of TABLE_KINDS) {
    let candidates = byKind(kind.id);
    if (kind.id === 'indicators' && period) {
      const p = period;
      const cover = (m: TableMatch) => planYears(p).filter((y) => m.years.includes(y)).length;
      // At equal cover, a table with a change column (the ministry's layout) first.
      const score = (m: TableMatch) => cover(m) + ((m as IndicatorMatch).changeCol >= 0 ? 0.5 : 0);
      indicatorsOutside = (candidates.find((m) => cover(m) === 0 && (m as IndicatorMatch).changeCol >= 0) as IndicatorMatch | undefined) ?? null;
      candidates = candidates.filter((m) => cover(m) > 0).sort((a, b) => score(b) - score(a));
    }
    for (const m of candidates) {
      if (accepted.some((a) => overlaps(a, m))) continue;
      if (SINGLE.has(kind.id) && accepted.some((a) => a.kind === kind.id)) continue;
      accepted.push(m);
    }
  }
  accepted.sort((a, b) => a.sheet.index - b.sheet.index || a.header - b.header);

  const plan = emptyPlan();
  const problems: ReadProblem[] = [];
  if (second) problems.push(secondPlanProblem(second));
  if (periodMismatch) problems.push(periodMismatchProblem(periodMismatch.stated, periodMismatch.fromHeaders));
  const asm: Assembly = {
    plan,
    period: period ?? DEFAULT_PERIOD,
    periodStated,
    problems,
    accepted,
    missingUnitLines: [],
    taskAreas: new Map(),
    taskNames: new Map(),
    taskPlaces: new Map(),
    problem(table, ko, en, level = 'table', ref) {
      problems.push(ref ? { table, message: ko, messageEn: en, level, ref } : { table, message: ko, messageEn: en, level });
    },
    missingRow(table, label, name, role, placeholder) {
      const roleName = role === 'target' ? TEMPLATE.roles.target.text : TEMPLATE.roles.budget.text;
      this.problem(table, `'${name}'의 ${roleName} 행이 없습니다 (0으로 셈)`, `'${name}' has no ${roleName} row (counted as 0)`, 'table', label);
      return placeholder;
    },
  };

  // Read in the registry's order (overview, indicators, areas, overview of tasks, tasks, results …).
  const kindOf = new Map<string, TableKind<TableMatch>>(TABLE_KINDS.map((k) => [k.id, k]));
  for (const kind of TABLE_KINDS) for (const m of accepted.filter((a) => a.kind === kind.id)) kindOf.get(m.kind)!.read(m, asm);
  linkTasks(sheets, asm);

  const planFound = plan.indicators.length > 0 || plan.areas.length > 0 || plan.tasks.length > 0 || accepted.some((m) => m.kind === 'indicators' || m.kind === 'areas' || m.kind === 'tasks');
  const extrasFound = Boolean(plan.results || plan.annualPlan);
  if (planFound) reportMissingPlanTables(asm, overview !== undefined, periodMismatch ? indicatorsOutside : null);
  if (!plan.results && !accepted.some((m) => m.kind === 'results')) {
    const p = missingTableProblem(sheets, RESULTS, [RESULTS.columns.name, RESULTS.columns.actual]);
    if (p) problems.push(p);
  }
  if (!plan.annualPlan && !accepted.some((m) => m.kind === 'annual')) {
    const p = missingTableProblem(sheets, ANNUAL, [ANNUAL.columns.subproject, ANNUAL.columns.target]);
    if (p) problems.push(p);
  }
  if (asm.missingUnitLines.length && planFound) {
    const where = asm.missingUnitLines[0];
    asm.problem('단위', `단위 줄((단위 : 명, 백만원))이 없는 표 ${asm.missingUnitLines.length}개는 명·백만원으로 읽었습니다`, `${asm.missingUnitLines.length} table(s) without a unit line "(단위 : 명, 백만원)" were read in 명 and 백만원`, 'note', where);
  }

  if (!planFound && extrasFound) {
    // A results (or year's plan) workbook: one note instead of the plan tables' absence.
    problems.unshift(planAbsentNote());
    const year = plan.results?.year ?? plan.annualPlan?.year ?? null;
    if (!periodStated && year !== null) period = { startYear: year, years: 1 };
  } else if (!planFound) {
    // Not a plan workbook: say which tables were looked for, the first line being the verdict.
    reportMissingPlanTables(asm, true);
    asm.problem(TEMPLATE.overview.sheetName, `'${TEMPLATE.overview.fields.startYear.text}' 항목도 표의 연도 머리글도 없어 계획기간을 정하지 못했습니다`, `no '${TEMPLATE.overview.fields.startYear.text}' field and no year headers: no plan period`);
    problems.unshift({ table: '전체', level: 'fatal', message: '일자리 목표 공시 표(공통 일자리 목표, 분야별 목표, 실천과제)를 하나도 찾지 못했습니다', messageEn: 'none of the plan tables (공통 일자리 목표, 분야별 목표, 실천과제) were found' });
  }
  plan.period = period ?? DEFAULT_PERIOD;
  if (plan.meta.region === null) plan.meta.region = plan.results?.region ?? plan.annualPlan?.region ?? null;
  return { plan, problems };
}

function periodMismatchProblem(stated: { startYear: number; years: number | null; ref: CellRef }, headers: PlanPeriod): ReadProblem {
  const span = (start: number, years: number) => (years === 1 ? `${start}` : `${start}~${start + years - 1}`);
  const s = span(stated.startYear, stated.years ?? DEFAULT_PERIOD.years);
  const h = span(headers.startYear, headers.years);
  const f = TEMPLATE.overview.fields;
  return {
    table: TEMPLATE.overview.sheetName,
    level: 'table',
    ref: stated.ref,
    message: `개요의 계획기간(${s})이 표의 연도 머리글(${h})과 다릅니다 — 표는 개요의 계획기간으로 읽었습니다. '${f.startYear.text}'·'${f.years.text}'을 표에 맞추거나, 새 계획기간의 서식을 새로 만드세요`,
    messageEn: `the 개요's plan period (${s}) differs from the tables' year headers (${h}); the tables were read with the 개요's period. Make '${f.startYear.text}' and '${f.years.text}' match the tables, or start from a template of the new period`,
  };
}

/** What of the 종합계획 was not found, said once per table in the user's terms. */
function reportMissingPlanTables(asm: Assembly, hasOverview: boolean, indicatorsOutside: IndicatorMatch | null = null): void {
  const { plan, accepted } = asm;
  if (!accepted.some((m) => m.kind === 'indicators') && indicatorsOutside) {
    // The table is there, but for other years: say so at its header rather than that it is missing.
    const m = indicatorsOutside;
    const ys = m.years.length ? `${m.years[0]}~${m.years[m.years.length - 1]}` : '';
    const p = `${asm.period.startYear}~${asm.period.startYear + asm.period.years - 1}`;
    asm.problem(TEMPLATE.indicators.tableName, `표의 연도(${ys})에 계획기간(${p})의 연도가 없어 읽지 않았습니다`, `the table's years (${ys}) include none of the plan period (${p}): not read`, 'table', refOf(m.sheet, m.header, m.anchorCol));
  } else if (!accepted.some((m) => m.kind === 'indicators')) {
    const t = TEMPLATE.indicators;
    asm.problem(t.tableName, `${quotedAnd(t.anchor.text)} '증감' 머리글이 있는 표를 찾지 못했습니다`, `no table with headers '${t.anchor.text}' and '증감' found`);
  }
  if (!accepted.some((m) => m.kind === 'areas')) {
    const t = TEMPLATE.areas;
    asm.problem(t.tableName, `'${t.anchor.text}' 머리글이 있는 표를 찾지 못했습니다`, `no table with header '${t.anchor.text}' found`);
  }
  const taskTables = accepted.filter((m) => m.kind === 'tasks');
  if (taskTables.length === 0) {
    const t = TEMPLATE.tasks;
    asm.problem(t.tableName, `'${t.anchor.text}' 머리글이 있는 실천과제 표를 찾지 못했습니다`, `no 실천과제 table with header '${t.anchor.text}' found`);
  } else if (plan.tasks.length < taskTables.length) {
    const first = taskTables.find((m) => m.notUnderstood);
    asm.problem(
      '실천과제',
      `실천과제 표 ${taskTables.length}개 중 ${plan.tasks.length}개를 읽었습니다`,
      `read ${plan.tasks.length} of ${taskTables.length} 실천과제 tables`,
      'table',
      first ? first.notUnderstood!.ref : refOf(taskTables[0].sheet, taskTables[0].header, 0),
    );
  }
  if (!hasOverview && !asm.periodStated) {
    asm.problem(TEMPLATE.overview.sheetName, `개요(계획기간)가 없어 표의 연도 머리글로 계획기간(${asm.period.startYear}~${asm.period.startYear + asm.period.years - 1})을 정했습니다`, `no 개요 (plan period): the period ${asm.period.startYear}–${asm.period.startYear + asm.period.years - 1} was taken from the tables' year headers`, 'note');
  }
}

export function planAbsentNote(): ReadProblem {
  return {
    table: '종합계획',
    level: 'note',
    message: '종합계획 표(공통 일자리 목표, 분야별 목표, 실천과제)가 없습니다: 성과·연차별 세부계획만 검증하고 종합계획과는 대조하지 않았습니다',
    messageEn: 'no 종합계획 tables (공통 일자리 목표, 분야별 목표, 실천과제): the 성과 / 연차별 세부계획 sheets were checked on their own, not against a plan',
  };
}
