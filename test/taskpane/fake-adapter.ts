/**
 * A fake Office adapter for the pane's component tests: every function of src/adapters/office is a jest.fn
 * with a plausible default. Test files install it with
 *   jest.mock('../../src/adapters/office', () => require('./fake-adapter').adapterMock());
 * The strict Office.js double (load/sync semantics) is tested with the adapter itself, not here.
 */
import { incheonSeogu2023 } from '../../src/core/examples/incheon-seogu-2023';
import type { ExcelHost, ValidateResult } from '../../src/adapters/office/api';
import type { Lang } from '../../src/core/rules/types';
import { renderWorkbook, renderedToGrid } from '../../src/core/template/render';
import { validateGrid } from '../../src/core/validate';
import { applyAcceptances, type Acceptance } from '../../src/core/accepted';
import { summarize } from '../../src/core/rules/run';

/** What writeAcceptances stored "in the workbook" (reset with resetWorkbook). */
let storedAcceptances: Acceptance[] = [];
export function resetWorkbook(): void {
  storedAcceptances = [];
}

/** The example's validation with the stored acceptances applied, as the core does on a real workbook. */
export function withStoredAcceptances(v: ValidateResult): ValidateResult {
  if (!storedAcceptances.length) return v;
  const applied = applyAcceptances([...v.result.findings, ...v.result.accepted.map((a) => a.finding)], storedAcceptances);
  return {
    ...v,
    result: { ...v.result, findings: applied.findings, summary: summarize(applied.findings), accepted: applied.accepted, acceptances: [...storedAcceptances] },
  };
}

export const COST = { syncs: 3, cellsRead: 1234, ms: 42 };

const cache = new Map<Lang, ValidateResult>();

/** What validating the example gives (computed once per language: the engine is slow under a loaded CI). */
export function exampleValidation(lang: Lang = 'ko'): ValidateResult {
  let v = cache.get(lang);
  if (!v) {
    const grid = renderedToGrid(renderWorkbook(incheonSeogu2023, { formulas: false }));
    const result = validateGrid(grid, { lang });
    const marked = new Set(result.findings.flatMap((f) => f.cells)).size;
    const sheets = grid.sheets.map((s) => s.name);
    v = { result, sheets, config: { source: 'none', rules: {}, problems: [] }, annotation: 'notes', marked, cost: { ...COST } };
    cache.set(lang, v);
  }
  return { ...v, cost: { ...COST } };
}

export const DEFAULT_NAMES = { overview: '개요', indicators: '공통 일자리 목표', areas: '분야별 목표', tasks: '실천과제' };

export function adapterMock() {
  return {
    defaultHost: jest.fn((): ExcelHost => fakeHost()),
    existingSheetNames: jest.fn(async () => ['Sheet1']),
    planSheetNames: jest.fn(() => ({ ...DEFAULT_NAMES })),
    insertTemplate: jest.fn(async (_host: ExcelHost, _draft: unknown, options: { sheetNames?: Record<string, string> }) => ({
      sheetNames: Object.values(options.sheetNames ?? DEFAULT_NAMES),
      cost: { syncs: 2, cellsRead: 0, ms: 12 },
    })),
    validate: jest.fn(async (_host: ExcelHost, options: { lang: Lang }) => withStoredAcceptances(exampleValidation(options.lang))),
    writeAcceptances: jest.fn(async (_host: ExcelHost, list: Acceptance[]) => {
      storedAcceptances = [...list];
      return { cost: { syncs: 2, cellsRead: 0, ms: 4 } };
    }),
    restoreCells: jest.fn(async () => ({ cost: { syncs: 1, cellsRead: 0, ms: 2 } })),
    clearMarks: jest.fn(async () => ({ restored: 7, cost: { syncs: 2, cellsRead: 7, ms: 5 } })),
    selectCells: jest.fn(async () => ({ syncs: 1, cellsRead: 0, ms: 1 })),
    writeResultsSheet: jest.fn(async () => ({ sheetName: '검증결과', cost: { syncs: 1, cellsRead: 0, ms: 8 } })),
    writeIndicatorTargets: jest.fn(async () => ({ cost: { syncs: 1, cellsRead: 0, ms: 3 } })),
    onPlanChanged: jest.fn(
      async (_host: ExcelHost, _handler: (change: { changes: number }) => void, _options?: { debounceMs?: number }) =>
        jest.fn(async () => undefined),
    ),
  };
}

export type AdapterMock = ReturnType<typeof adapterMock>;

export function fakeHost(): ExcelHost {
  return {
    run: () => Promise.reject(new Error('the fake host is not Excel: the adapter is mocked in these tests')),
    supports: () => true,
  };
}
