/**
 * docs/rules.md, generated from the rules' metadata. Each rule's example is real output: the rule run on
 * the built-in example plan (인천 서구), edited where needed so the rule has something to find.
 * Test tooling, not the engine: the core never imports it. `npm run docs:rules` writes the file; test/core/rules-doc.test.ts fails when it is out of date.
 */
import { incheonSeogu2023 } from '../../src/core/examples/incheon-seogu-2023';
import { qualified } from '../../src/core/grid/a1';
import { setCells, type CellEdits } from '../../src/core/grid/edit';
import type { GridWorkbook } from '../../src/core/grid/grid';
import type { PlanDraft } from '../../src/core/model/draft';
import { readPlan } from '../../src/core/template/read';
import { renderWorkbook, renderedToGrid } from '../../src/core/template/render';
import { TEMPLATE } from '../../src/core/template/description';
import { validateGrid } from '../../src/core/validate';
import { RESULT_DOC_EXAMPLES } from './result-doc-examples';
import { ALL_RULES } from '../../src/core/rules/index';
import { STRUCTURE_META } from '../../src/core/rules/structure';
import { runRules } from '../../src/core/rules/run';
import type { Finding, RuleMessage, Severity } from '../../src/core/rules/types';

/**
 * How to make each rule fire. By default a rule runs on the example plan (인천 서구) as it is; `draft` edits
 * the example before it is rendered, `cells` overwrites cells of the rendered grid, and `grid` replaces the
 * whole input (for rules about other sheets, e.g. results). A new rule needs an entry here unless it already
 * finds something in the example plan: test/core/rules-doc.test.ts says which rules lack one.
 */
export interface ExampleSpec {
  draft?: (d: PlanDraft) => void;
  cells?: CellEdits;
  grid?: () => GridWorkbook;
}

export const EXAMPLES: Record<string, ExampleSpec> = {
  'row-total': { draft: (d) => (d.tasks[0].subprojects[0].target.total = 22) },
  'task-total': { draft: (d) => (d.tasks[0].total!.target.years[0] = 15) },
  // ②'s first two 세부사업 grouped under a 소계 row whose 2024 target (and 합계) is 10 more than theirs.
  'task-subtotal': {
    draft: (d) => {
      const t = d.tasks[1];
      const [a, b] = t.subprojects;
      const add = (x: typeof a.target, y: typeof a.target) => ({ total: (x.total ?? 0) + (y.total ?? 0), years: x.years.map((v, i) => (v ?? 0) + (y.years[i] ?? 0)) });
      const target = add(a.target, b.target);
      target.years[1] += 10;
      target.total += 10;
      t.subprojects.splice(2, 0, { name: '소계', target, budget: add(a.budget, b.budget) });
    },
  },
  'grand-total': { draft: (d) => (d.grandTotal.target.total = 60347) },
  'indicator-required-change': { draft: (d) => (d.indicators[0].targets[3] = 70.4) },
  'indicator-stated-change': { draft: (d) => (d.indicators[3].statedChange = 9) },
  'indicator-rate-range': { draft: (d) => (d.indicators[1].targets[0] = 104.1) },
  'indicator-target-decrease': { draft: (d) => (d.indicators[0].targets[1] = 69) },
  'value-not-number': { cells: { '실천과제!D9': '약 6' } },
  'value-negative': { draft: (d) => (d.tasks[0].subprojects[0].budget.years[0] = -40) },
  'value-implausible': { draft: (d) => (d.tasks[0].subprojects[0].budget.years[0] = 1e308) },
  'value-unit': { cells: { '실천과제!D10': '40억원' } },
  'value-text-number': { cells: { [`${TEMPLATE.areas.sheetName}!C6`]: '9,454' } },
  'value-blank': { draft: (d) => (d.tasks[0].subprojects[0].target.years[1] = null) },
  'target-without-budget': { draft: (d) => (d.tasks[2].subprojects[0].budget = { total: 0, years: [0, 0, 0, 0] }) },
  ...RESULT_DOC_EXAMPLES,
};

function exampleGrid(spec: ExampleSpec): GridWorkbook {
  if (spec.grid) return spec.grid();
  const d = structuredClone(incheonSeogu2023);
  spec.draft?.(d);
  const grid = renderedToGrid(renderWorkbook(d, { formulas: false }));
  return spec.cells ? setCells(grid, spec.cells) : grid;
}

/** The 'structure' rule (read problems, see validate.ts): a task naming a strategy area that does not exist. */
function structureExample(): Finding | null {
  const grid = exampleGrid({ draft: (d) => (d.tasks[0].area = '청년 일자리') });
  return validateGrid(grid).findings.find((f) => f.rule === 'structure') ?? null;
}

export interface RuleDoc {
  id: string;
  defaultSeverity: Severity;
  description: RuleMessage;
  docs: RuleMessage;
  /** A finding the rule really produces, or null when the example plan gives it nothing to find. */
  example: Finding | null;
}

/** The 'structure' rule's own metadata (src/core/rules/structure.ts): it has no module in ALL_RULES. */
const STRUCTURE_DOC: Omit<RuleDoc, 'example'> = {
  id: STRUCTURE_META.id,
  defaultSeverity: STRUCTURE_META.defaultSeverity,
  description: STRUCTURE_META.description,
  docs: STRUCTURE_META.docs,
};

export function ruleDocs(): RuleDoc[] {
  const docs: RuleDoc[] = [{ ...STRUCTURE_DOC, example: structureExample() }];
  for (const rule of ALL_RULES) {
    const { plan } = readPlan(exampleGrid(EXAMPLES[rule.meta.id] ?? {}));
    const { id, defaultSeverity, description, docs: text } = rule.meta;
    docs.push({ id, defaultSeverity, description, docs: text, example: runRules(plan, [rule])[0] ?? null });
  }
  return docs;
}

const SEVERITY_KO: Record<Severity, string> = { error: '오류', warning: '경고', info: '정보' };

const cellCode = (s: string) => s.replace(/\|/g, '\\|');

export function rulesMarkdown(): string {
  const docs = ruleDocs();
  const out: string[] = [
    '# 검증 규칙 (Validation rules)',
    '',
    '<!-- Generated by test/support/rule-docs.ts — do not edit by hand; run `npm run docs:rules`. -->',
    '',
    '모든 발견 사항은 규칙 id, 심각도, 시트, 셀, 관련 셀(합계 검사는 합계와 모든 부분, 빈 칸 포함), 기대값(규칙이 계산한 값), 실제값(워크북에 적힌 값), 허용 오차, 메시지(한국어·영어)를 가집니다. 아래 예시는 내장 예시 계획(인천 서구 2023~2026)에 규칙을 실제로 돌린 결과입니다.',
    '',
    'Every finding has a rule id, severity, sheet, cell, the cells involved (for a sum: the total and every part, blank ones included), expected (what the rule computed), actual (the figure as stated), tolerance and a message (Korean and English). The examples below are real output of each rule on the built-in example plan (인천 서구 2023–2026), edited where needed.',
    '',
    '| id | 기본 심각도 (default) | 설명 | Description |',
    '|---|---|---|---|',
    ...docs.map((d) => `| [\`${d.id}\`](#${d.id}) | ${SEVERITY_KO[d.defaultSeverity]} (${d.defaultSeverity}) | ${cellCode(d.description.ko)} | ${cellCode(d.description.en)} |`),
    '',
  ];
  for (const d of docs) {
    out.push(`## ${d.id}`, '', `**${SEVERITY_KO[d.defaultSeverity]} (${d.defaultSeverity})** — ${d.description.ko} / ${d.description.en}`, '', d.docs.ko, '', d.docs.en, '');
    if (d.example) {
      const e = d.example;
      out.push('예시 (example):', '', '```text', `[${e.severity}] ${e.cell ? qualified(e.sheet, e.cell) : '(no cell)'}`, e.message, e.messageEn, '```', '');
      const facts = [`expected: ${JSON.stringify(e.expected)}`, `actual: ${JSON.stringify(e.actual)}`, `tolerance: ${JSON.stringify(e.tolerance)}`];
      out.push(`${facts.join(' · ')} · cells: ${e.cells.map((c) => `\`${c}\``).join(', ')}`, '');
    } else {
      out.push('예시 없음 (the example plan gives this rule nothing to find).', '');
    }
  }
  return out.join('\n');
}
