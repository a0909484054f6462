/**
 * Which strategy area each 실천과제 belongs to, read from the document itself:
 * 1. our template's `전략분야` line above the task's table (tasks.ts);
 * 2. the chapter III overview listing `① …` `② …` under each 전략분야: a two-column table
 *    `< 5대 핵심전략 > | < 실천 과제 >` whose cells may hold HTML-like list markup from the extraction
 *    (strategyMapTable), or plain lines (area name, possibly over several lines, then `- ① …` items);
 * 3. the numbering order under area headings (an area's name on its own line above its tasks).
 * Tasks still unlinked are reported once for the plan; every other relation is still checked.
 */
import type { Plan } from '../model/plan';
import { MARKUP_TAG, areaKey, circledValue } from './labels';
import { lineText, normRow, own, refOf, rowsWithText, type TableSheet } from './sheet';
import type { Assembly, TableKind, TableMatch } from './types';

export interface StrategyMapMatch extends TableMatch {
  kind: 'strategy-map';
  areaCol: number;
  taskCol: number;
}

/**
 * Text without HTML-like markup (`<ul style=…>`, `</li>`) and markdown emphasis. A tag starts with a
 * letter or `/` after its `<`: the overview's own `< 5대 핵심전략 >` is text, not markup.
 */
export function plainText(t: string): string {
  return t
    .replace(MARKUP_TAG, ' ')
    .replace(/\*\*/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The task numbers listed in a cell or line: `① 청년 창업 … ② 청년 일자리 …` → [1, 2]. */
export function circledNumbersIn(t: string): number[] {
  const out: number[] = [];
  for (const ch of Array.from(t)) {
    const n = circledValue(ch);
    if (n !== null) out.push(n);
  }
  return out;
}

/**
 * The tasks a cell of the overview lists, with their names: `① 청년 창업 인프라 조성 - 정서진 … 등 ② 청년
 * 일자리 지원 …` → 1 → `청년 창업 인프라 조성`, 2 → …: each name runs to its ` - ` list of 세부사업 or the next number.
 */
export function taskNamesIn(t: string): Map<number, string> {
  const names = new Map<number, string>();
  const items = t.split(/(?=[①-⑳㉑-㉟])/u);
  for (const item of items) {
    const no = circledValue(Array.from(item)[0] ?? '');
    if (no === null) continue;
    const name = Array.from(item).slice(1).join('').split(/\s[-•·]\s/)[0].trim();
    if (name !== '' && !names.has(no)) names.set(no, name);
  }
  return names;
}

/** Does a row (its cells' whitespace-free texts) have a cell with 과 and 제 in it? */
function hasTaskCell(norms: readonly string[]): boolean {
  for (let c = 0; c < norms.length; c++) if (norms[c].includes('과') && norms[c].includes('제')) return true;
  return false;
}

export const strategyMapTable: TableKind<StrategyMapMatch> = {
  id: 'strategy-map',
  name: '전략·실천과제 체계',
  nameEn: 'strategy / task overview',
  detect(s) {
    const out: StrategyMapMatch[] = [];
    let next = 0;
    // The 전략 header cell is found first; markup is only ever removed, so its text has 전 and 략 in it.
    for (const r of rowsWithText(s, (t) => t.includes('전') && t.includes('략'))) {
      if (r < next) continue;
      const row = s.grid.rows[r];
      if (!row) continue;
      let areaCol = -1;
      let taskCol = -1;
      const norms = normRow(s, r)!;
      // The 과제 column is right of the 전략 one and has 과…제 in it: a row without such a cell is no header
      // (a 실천과제 table's `전략분야 | …` line is looked at no further).
      if (!hasTaskCell(norms)) continue;
      for (let c = 0; c < row.length; c++) {
        // Markup is only ever removed, so a cell without 전…략 or 과…제 in it cannot name either column.
        const n = norms[c];
        if (!(n.includes('전') && n.includes('략')) && !(n.includes('과') && n.includes('제'))) continue;
        const t = plainText(own(s, r, c)).replace(/[<>\s]/g, '');
        if (t === '') continue;
        if (areaCol < 0 && /전략/.test(t) && !/과제/.test(t) && t.length <= 12) areaCol = c;
        else if (areaCol >= 0 && taskCol < 0 && /과제/.test(t) && t.length <= 12) taskCol = c;
      }
      if (areaCol < 0 || taskCol < 0) continue;
      let last = r;
      for (let k = r + 1; k < s.grid.rows.length; k++) {
        if (own(s, k, areaCol) === '' || circledNumbersIn(own(s, k, taskCol)).length === 0) break;
        last = k;
      }
      if (last > r) out.push({ kind: 'strategy-map', sheet: s, header: r, last, years: [], areaCol, taskCol });
      next = last + 1;
    }
    return out;
  },
  read(m, asm) {
    for (let k = m.header + 1; k <= m.last; k++) {
      const area = plainText(own(m.sheet, k, m.areaCol));
      const tasks = plainText(own(m.sheet, k, m.taskCol));
      for (const no of circledNumbersIn(tasks)) {
        if (!asm.taskAreas.has(no)) asm.taskAreas.set(no, { area, ref: refOf(m.sheet, k, m.areaCol) });
      }
      for (const [no, name] of taskNamesIn(tasks)) if (!asm.taskNames.has(no)) asm.taskNames.set(no, name);
    }
  },
};

/**
 * Plain lines: an area's name (possibly broken over lines, "맞춤형" / "일자리 지원 및 발굴") followed by
 * list lines `- ① 과제명`. Only names of the plan's 분야별 목표 count as areas.
 */
function linesOverview(sheets: TableSheet[], plan: Plan, asm: Assembly): void {
  const keys = plan.areas.map((a) => areaKey(a.name));
  for (const s of sheets) {
    let pending = '';
    let pendingRow = -1;
    let current: { area: string; row: number } | null = null;
    for (let r = 0; r < s.grid.rows.length; r++) {
      const line = lineText(s, r);
      if (line === null) {
        if (s.grid.rows[r] && s.grid.rows[r].some((x) => x && x.value !== null && String(x.value).trim() !== '')) {
          pending = '';
          current = null;
        }
        continue;
      }
      if (line === '') continue;
      const items = /^[-•·]?\s*[①-⑳㉑-㉟]/.test(line) ? circledNumbersIn(line.slice(0, 4)) : [];
      if (items.length) {
        const key = areaKey(pending);
        const idx = key ? keys.findIndex((k) => k === key || (key.length >= 4 && key.endsWith(k))) : -1;
        if (idx >= 0) current = { area: plan.areas[idx].name, row: pendingRow };
        pending = '';
        if (current) for (const no of items) if (!asm.taskAreas.has(no)) asm.taskAreas.set(no, { area: current.area, ref: refOf(s, current.row, 0) });
        continue;
      }
      // An area name may be broken over a few lines; keep a bounded tail of the text since the last list.
      if (pending === '' || areaKey(pending).length + areaKey(line).length > 80) {
        pending = line;
        pendingRow = r;
      } else pending = `${pending} ${line}`;
    }
  }
}

/** Links every task to its area; reports once what could not be linked. */
export function linkTasks(sheets: TableSheet[], asm: Assembly): void {
  const plan = asm.plan;
  if (plan.tasks.length === 0) return;
  if (plan.tasks.some((t) => !t.areaName)) linesOverview(sheets, plan, asm);
  const keys = plan.areas.map((a) => areaKey(a.name));
  for (const t of plan.tasks) {
    if (!t.areaName) t.areaName = asm.taskAreas.get(t.no)?.area ?? '';
  }
  // Numbering under area headings: an area's name on its own line above the task's title.
  if (plan.tasks.some((t) => !t.areaName) && plan.areas.length > 0) headingOrder(sheets, asm);
  const unlinked: number[] = [];
  const unknown: string[] = [];
  for (const t of plan.tasks) {
    if (!t.areaName) {
      unlinked.push(t.no);
      continue;
    }
    const idx = keys.indexOf(areaKey(t.areaName));
    t.areaIndex = idx >= 0 ? idx : null;
    if (idx < 0 && plan.areas.length > 0) unknown.push(`${t.no}번 '${t.areaName}'`);
  }
  if (plan.areas.length === 0) return;
  if (unlinked.length) {
    asm.problem(
      '실천과제',
      `실천과제 ${plan.tasks.length}개 중 ${unlinked.length}개(${unlinked.map((n) => `${n}번`).join(', ')})의 전략분야를 찾지 못해 분야별 목표와 대조하지 않았습니다 (전략분야 줄, 전략·과제 체계표, 분야 제목 아래 번호 중 어느 것도 없음)`,
      `${unlinked.length} of ${plan.tasks.length} tasks (${unlinked.join(', ')}) could not be linked to a strategy area, so they were not compared with 분야별 목표 (no 전략분야 line, strategy/task overview or numbering under area headings)`,
      'warning',
      plan.tasks.find((t) => t.no === unlinked[0])?.label,
    );
  }
  if (unknown.length) {
    asm.problem('실천과제', `실천과제의 전략분야가 분야별 목표에 없습니다: ${unknown.join(', ')}`, `tasks name strategy areas that are not in 분야별 목표: ${unknown.join(', ')}`, 'table', plan.tasks.find((t) => t.areaName && t.areaIndex === null)?.label);
  }
}

/** An area's name on a line of its own (outside tables) above a task's title links the tasks below it. */
function headingOrder(sheets: TableSheet[], asm: Assembly): void {
  const plan = asm.plan;
  const keys = plan.areas.map((a) => areaKey(a.name));
  const bySheet = new Map<string, { row: number; area: string }[]>();
  for (const s of sheets) {
    const found: { row: number; area: string }[] = [];
    for (let r = 0; r < s.grid.rows.length; r++) {
      const line = lineText(s, r);
      if (!line) continue;
      const key = areaKey(line);
      const idx = keys.indexOf(key);
      if (idx >= 0) found.push({ row: r, area: plan.areas[idx].name });
    }
    bySheet.set(s.name, found);
  }
  for (const t of plan.tasks) {
    if (t.areaName) continue;
    const place = asm.taskPlaces.get(t);
    if (!place) continue;
    const above = (bySheet.get(place.sheet.name) ?? []).filter((h) => h.row < place.row);
    if (above.length) t.areaName = above[above.length - 1].area;
  }
}
