/**
 * How the result rules get an example finding for docs/rules.md (test/support/rule-docs.ts spreads these
 * into its EXAMPLES). The sum and unit rules run on the 세종 example as it is; the others on the 인천 서구
 * plan with a small 성과 / 연차별 세부계획 added — figures made up for the example, not from a document.
 */
import { sejong2024 } from '../../src/core/examples/sejong-2024';
import type { CellEdits } from '../../src/core/grid/edit';
import type { GridWorkbook } from '../../src/core/grid/grid';
import type { PlanDraft } from '../../src/core/model/draft';
import { renderWorkbook, renderedToGrid } from '../../src/core/template/render';

interface Spec {
  draft?: (d: PlanDraft) => void;
  cells?: CellEdits;
  grid?: () => GridWorkbook;
}

const sejongGrid = (): GridWorkbook => renderedToGrid(renderWorkbook(structuredClone(sejong2024), { formulas: false }));

const TASK = '② 청년 일자리 지원 및 취업역량 강화';
const SUB = '취업성공 디딤돌 청년인턴 사업';

/** 인천 서구 2023 with a one-row 성과 sheet: 48 of the planned 52, stated as 96% (it is 92.3%). */
const withResults = (d: PlanDraft): void => {
  d.results = {
    title: '2023년 성과 (예시)',
    year: 2023,
    organisation: null,
    items: [{ level: 1, name: SUB, unit: '명', target: 52, actual: 48, statedRate: 96, link: { task: TASK, subproject: SUB } }],
  };
};

export const RESULT_DOC_EXAMPLES: Record<string, Spec> = {
  'result-sum': { grid: sejongGrid },
  'result-units': { grid: sejongGrid },
  'result-rate': { draft: withResults },
  'result-value': { draft: withResults, cells: { '성과!E9': '약 48명' } },
  'result-vs-plan': { draft: withResults },
  'annual-vs-plan': {
    draft: (d) => {
      d.annualPlan = { title: '2024년 연차별 세부계획 (예시)', year: 2024, rows: [{ task: TASK, subproject: SUB, target: 60, targetUnit: '명', budget: 701, budgetUnit: '백만원' }] };
    },
  },
};
