/**
 * Finding a 세부사업 (or a 실천과제's 총계) of the 종합계획 from the names a 성과 or 연차별 세부계획 row
 * gives, and describing result items in messages. Names are compared by nameKey (spaces and
 * punctuation ignored), as the plan reader compares area names.
 */
import { TASK_TOTAL_WORDS, bi, joinWords, type Words } from '../rules/words';
import type { Plan, Series, Task } from '../model/plan';
import { matches, nameKey, parseTaskTitle, TASK_TOTAL } from '../tables/labels';
import { taskLabel } from '../rules/walk';
import type { ResultItem, Results } from './model';
import { formatKoreanNumber } from '../numbers/parse';

export interface PlanRow {
  task: Task;
  /** Null when the row is the 실천과제's 총계 (or its only 세부사업 standing for it). */
  subproject: string | null;
  target: Series;
  budget: Series | null;
  /** "① 과제명 · 세부사업명" or "① 과제명 총계". */
  what: Words;
}

export type LinkResult = { ok: true; row: PlanRow } | { ok: false; reason: 'taskNotFound' | 'subprojectNotFound' | 'ambiguous' | 'noTotal' };

function findTask(plan: Plan, text: string): Task | null {
  const t = text.trim();
  if (/^\d{1,3}$/.test(t)) return plan.tasks.find((x) => x.no === Number(t)) ?? null;
  const parsed = parseTaskTitle(t);
  const key = nameKey(parsed ? parsed.name : t);
  const byName = plan.tasks.filter((x) => nameKey(x.name) === key);
  if (byName.length === 1) return byName[0];
  if (parsed) {
    const byNo = plan.tasks.find((x) => x.no === parsed.no && (byName.length === 0 || nameKey(x.name) === key));
    if (byNo) return byNo;
  }
  return byName[0] ?? null;
}

function taskTotalRow(task: Task): PlanRow | null {
  const label = taskLabel(task.no, task.name);
  if (task.total) return { task, subproject: null, target: task.total.target, budget: task.total.budget, what: joinWords([label, TASK_TOTAL_WORDS]) };
  if (task.subprojects.length === 1) {
    const s = task.subprojects[0];
    return { task, subproject: s.name, target: s.target, budget: s.budget, what: `${label} · ${s.name}` };
  }
  return null;
}

export function isTotalName(text: string): boolean {
  return matches(text, TASK_TOTAL);
}

/** Resolves a (실천과제, 세부사업) pair; either may be null, not both. */
export function resolveLink(plan: Plan, taskText: string | null, subText: string | null): LinkResult {
  let task: Task | null = null;
  if (taskText) {
    task = findTask(plan, taskText);
    if (!task) return { ok: false, reason: 'taskNotFound' };
  }
  if (!subText || isTotalName(subText)) {
    if (!task) return { ok: false, reason: 'taskNotFound' };
    const row = taskTotalRow(task);
    return row ? { ok: true, row } : { ok: false, reason: 'noTotal' };
  }
  const key = nameKey(subText);
  const candidates = (task ? [task] : plan.tasks).flatMap((t) => t.subprojects.filter((s) => nameKey(s.name) === key).map((s) => ({ t, s })));
  if (candidates.length === 0) return { ok: false, reason: 'subprojectNotFound' };
  if (candidates.length > 1) return { ok: false, reason: 'ambiguous' };
  const { t, s } = candidates[0];
  return { ok: true, row: { task: t, subproject: s.name, target: s.target, budget: s.budget, what: `${taskLabel(t.no, t.name)} · ${s.name}` } };
}

/** Index of a year in the plan period, or null when the year lies outside it. */
export function yearIndex(plan: Plan, year: number): number | null {
  const i = year - plan.period.startYear;
  return i >= 0 && i < plan.period.years ? i : null;
}

/** "세종일자리경제진흥원 일자리 창출 › 세종일자리지원센터": the item's path from the top, for messages. */
export function itemPath(results: Results, item: ResultItem): string {
  const names: string[] = [];
  for (let cur: ResultItem | null = item; cur; cur = cur.parent === null ? null : results.items[cur.parent]) names.unshift(cur.name || cur.label.cell);
  return names.join(' › ');
}

/** The plan's period as "2023~2026년". */
export function periodText(plan: Plan): Words {
  const { startYear, years } = plan.period;
  return years === 1 ? bi(`${startYear}년`, String(startYear)) : bi(`${startYear}~${startYear + years - 1}년`, `${startYear}–${startYear + years - 1}`);
}

/** A figure for a message: thousands separators, △ for negatives, 0 as 0 (not '-'). */
export function num(x: number): string {
  const v = Math.round(x * 1e6) / 1e6;
  const s = String(v);
  const decimals = s.includes('.') && !/e/i.test(s) ? Math.min(s.length - s.indexOf('.') - 1, 6) : 0;
  return formatKoreanNumber(v, decimals).replace(/^-$/, '0');
}

/** A figure with its unit, e.g. "1,216명", "12개社", "92.3점". */
export function withUnit(x: number, unit: string): string {
  return `${num(x)}${unit}`;
}
