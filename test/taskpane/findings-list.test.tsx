/** @jest-environment jsdom */
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import * as adapter from '../../src/adapters/office';
import { groupFindings, paneOrder, cellsToSelect } from '../../src/taskpane/model/findings';
import { cellLabel, detail, headline, placeLabel, severityName } from '../../src/core/present';
import type { Finding } from '../../src/core/rules/types';
import { exampleValidation, resetWorkbook, type AdapterMock } from './fake-adapter';
import { idle, renderPane } from './render';
import { installDomStubs } from './setup';

jest.mock('../../src/adapters/office', () => require('./fake-adapter').adapterMock());
const mock = adapter as unknown as AdapterMock;

beforeAll(installDomStubs);
beforeEach(() => {
  jest.clearAllMocks();
  resetWorkbook();
});

describe('grouping (model)', () => {
  const v = exampleValidation();
  const { findings } = v.result;

  test('groups the example’s findings by sheet, then by plan table, keeping every finding once', () => {
    const groups = groupFindings(findings);
    expect(groups.reduce((n, g) => n + g.count, 0)).toBe(findings.length);
    const areas = groups.find((g) => g.sheet === '분야별 목표');
    expect(areas?.tables.map((t) => t.table)).toEqual(['분야별 목표']);
    // every finding on the tasks sheet sits under a numbered 실천과제 table
    const tasks = groups.find((g) => g.sheet === '실천과제');
    for (const t of tasks?.tables ?? []) expect(t.table).toMatch(/^[①-⑬] /);
  });

  test('the one order (core/present): sheets in workbook order, then table, row and column, whatever the findings’ order', () => {
    const reversed = [...findings].reverse();
    const ordered = paneOrder(reversed, v.sheets);
    // the engine's own order, which every other output uses
    expect(ordered).toEqual(findings);
    const sheets = groupFindings(ordered).map((g) => g.sheet);
    const order = ['개요', '공통 일자리 목표', '분야별 목표', '실천과제'];
    expect(sheets).toEqual(order.filter((s) => sheets.includes(s)));
    // within a table: top to bottom
    for (const g of groupFindings(ordered))
      for (const t of g.tables) {
        const rows = t.findings.map((f) => Number(/\d+/.exec(f.cell)?.[0] ?? 0));
        expect(rows).toEqual([...rows].sort((a, b) => a - b));
      }
    // grouping keeps the order it is given
    expect(groupFindings(ordered).flatMap((g) => g.tables.flatMap((t) => t.findings))).toEqual(ordered);
  });

  test('a workbook whose sheets are in another order lists them in that order (the order its 검증결과 sheet uses)', () => {
    const moved = ['실천과제', 'Sheet1', '개요', '공통 일자리 목표', '분야별 목표'];
    const sheets = groupFindings(paneOrder(findings, moved)).map((g) => g.sheet);
    expect(sheets).toEqual(moved.filter((s) => sheets.includes(s)));
    expect(sheets[0]).toBe('실천과제');
  });

  test('a sheet with one table gets one heading (no "분야별 목표 (25)" over "분야별 목표")', () => {
    const groups = groupFindings(findings);
    expect(groups.find((g) => g.sheet === '분야별 목표')?.single).toBe(true);
    expect(groups.find((g) => g.sheet === '실천과제')?.single).toBe(false);
  });

  test('a finding the engine placed in no table is listed under its sheet alone', () => {
    const f = { ...findings.find((x) => x.sheet === '분야별 목표')!, place: null };
    const groups = groupFindings([f]);
    expect(groups).toEqual([{ sheet: '분야별 목표', count: 1, single: true, tables: [{ table: null, place: null, findings: [f] }] }]);
  });

  test('workbook-level findings (no sheet) form their own group, under the table their message names', () => {
    const f: Finding = {
      rule: 'structure', severity: 'error', sheet: '', cell: '', cells: [], refs: [], expected: null, actual: null, tolerance: null,
      difference: null, unit: null, place: { table: { kind: 'areas', name: '분야별 목표', index: -1 } },
      message: '[분야별 목표] 표를 찾지 못했습니다', messageEn: '[분야별 목표] table not found', messageId: 'tableNotFound',
      data: { table: '분야별 목표', problem: { ko: '표를 찾지 못했습니다', en: 'table not found' } },
    };
    const groups = groupFindings([f]);
    expect(groups).toEqual([{ sheet: '', count: 1, single: true, tables: [{ table: '분야별 목표', place: f.place!.table, findings: [f] }] }]);
    expect(cellsToSelect(f)).toEqual([]);
  });
});

describe('findings list (component)', () => {
  async function validated() {
    const user = userEvent.setup();
    const r = renderPane();
    await user.click(screen.getByRole('tab', { name: '검증' }));
    await user.click(screen.getByRole('button', { name: '검증' }));
    await screen.findByTestId('findings');
    await idle();
    return { user, ...r };
  }

  const rows = () => within(screen.getByTestId('findings')).getAllByRole('button', { expanded: false });

  test('검증 runs validate with highlight; the list is grouped by table with one heading each', async () => {
    const { host } = await validated();
    expect(mock.validate).toHaveBeenCalledWith(host, { lang: 'ko', highlight: true });
    const v = exampleValidation();
    const list = screen.getByTestId('findings');
    const areas = within(list).getByRole('region', { name: '분야별 목표' });
    expect(within(areas).getAllByRole('heading').map((h) => h.textContent)).toEqual([expect.stringMatching(/^분야별 목표 \(\d+\)$/)]);
    const tasks = within(list).getByRole('region', { name: '실천과제' });
    expect(within(tasks).getAllByRole('heading', { level: 4 }).length).toBeGreaterThan(0);
    expect(within(list).getAllByRole('listitem')).toHaveLength(v.result.findings.length);
    // the status line is announced (aria-live), says what was marked, and does not repeat the counts
    expect(screen.getByTestId('status').getAttribute('aria-live')).toBe('polite');
    expect(screen.getByTestId('status').textContent).toMatch(/^검증을 마쳤습니다\. 셀 [\d,]+개를 표시했습니다 \(메모 포함\)\.$/);
  });

  test('clicking a finding whose sheet was renamed or deleted since the check says so, not the raw Excel error', async () => {
    const { user } = await validated();
    mock.selectCells.mockRejectedValueOnce(Object.assign(new Error("The requested resource doesn't exist."), { code: 'ItemNotFound' }));
    await user.click(rows()[0]);
    await waitFor(() => expect(screen.getByTestId('status').textContent).toBe('이 결과의 시트가 이름이 바뀌었거나 삭제되었습니다. 다시 검증하세요.'));
  });

  test('each finding is one line: severity icon and name, cell, core/present headline; detail, place and cells only on demand', async () => {
    const { user, host } = await validated();
    const f = exampleValidation().result.findings.find((x) => x.cells.length > 1 && x.expected !== null)!;
    const button = rows().find((b) => b.getAttribute('data-cell') === f.cell && b.getAttribute('data-rule') === f.rule)!;
    expect(button.textContent).toBe(`${f.severity === 'error' ? '오류' : '경고'}: ${f.cell}${headline(f, 'ko')}`);
    expect(button.querySelector('[data-severity-icon] svg')).not.toBeNull();
    expect(screen.queryByTestId('finding-details')).toBeNull();

    await user.click(button);
    expect(mock.selectCells).toHaveBeenCalledWith(host, f.refs);
    expect(button.getAttribute('aria-expanded')).toBe('true');
    const details = screen.getByTestId('finding-details');
    // present's detail: the whole message, which for a sum states the figures once ("… 4,197 ≠ 실천과제 합 4,193 (차이 +4, 반올림 허용 ±1.5; …)")
    expect(within(details).getByTestId('finding-detail').textContent).toBe(detail(f, 'ko'));
    expect(detail(f, 'ko')).toContain(`합 ${Number(f.expected).toLocaleString('en-US')}`);
    expect(detail(f, 'ko')).not.toContain('기대 ');
    expect(within(details).getByTestId('finding-place').textContent).toBe(`위치: ${placeLabel(f.place, 'ko')}`);
    expect(details.textContent).toContain(`관련 셀: ${f.refs.map((r) => cellLabel(r)).join(', ')}`);
    expect(details.textContent).toContain(`규칙: ${f.rule}`);
    expect(within(details).getByRole('button', { name: '수용' })).toBeTruthy();
    // again: closes
    await user.click(button);
    expect(screen.queryByTestId('finding-details')).toBeNull();
  });

  test('a long list is shown 200 findings at a time; 더 보기 adds the next ones and takes focus to the first of them', async () => {
    const v = exampleValidation();
    const f = v.result.findings.find((x) => x.sheet === '실천과제')!;
    // 450 findings of one table, rows 1001…1450 (what a plan with thousands of slips gives).
    const many = Array.from({ length: 450 }, (_, i) => ({ ...f, cell: `C${1001 + i}`, refs: [], cells: [`실천과제!C${1001 + i}`] }));
    mock.validate.mockResolvedValueOnce({ ...v, result: { ...v.result, findings: many, summary: { error: 0, warning: 0, info: 0, [f.severity]: 450 } } });
    const { user } = await validated();
    const list = screen.getByTestId('findings');
    const buttons = () => list.querySelectorAll('button[data-rule]');
    expect(buttons()).toHaveLength(200);
    // The heading still counts every finding of its group.
    expect(list.querySelector('h3')?.textContent).toContain('(450)');
    const more = screen.getByTestId('findings-more');
    expect(more.textContent).toBe('200개 더 보기 (450개 중 200개 표시)');
    await user.click(more);
    expect(buttons()).toHaveLength(400);
    expect(document.activeElement).toBe(buttons()[200]);
    expect((document.activeElement as HTMLElement).dataset.cell).toBe('C1201');
    expect(screen.getByTestId('findings-more').textContent).toBe('50개 더 보기 (450개 중 400개 표시)');
    await user.click(screen.getByTestId('findings-more'));
    expect(buttons()).toHaveLength(450);
    expect(screen.queryByTestId('findings-more')).toBeNull();
  });

  test('the 수용 form closes with Escape or 취소, stores nothing, and focus is back on 수용', async () => {
    const { user } = await validated();
    await user.click(rows()[0]);
    for (const close of ['{Escape}', '취소'] as const) {
      await user.click(within(screen.getByTestId('finding-details')).getByRole('button', { name: '수용' }));
      const reason = screen.getByRole('textbox', { name: /수용 사유/ });
      expect(document.activeElement).toBe(reason);
      await user.type(reason, '임시');
      if (close === '{Escape}') await user.keyboard('{Escape}');
      else await user.click(screen.getByRole('button', { name: '취소' }));
      expect(screen.queryByRole('textbox', { name: /수용 사유/ })).toBeNull();
      expect(document.activeElement).toBe(within(screen.getByTestId('finding-details')).getByRole('button', { name: '수용' }));
    }
    expect(mock.writeAcceptances).not.toHaveBeenCalled();
  });

  test('수용 with a reason stores the acceptance in the workbook, re-checks, and the finding leaves the list; 되돌리기 brings it back', async () => {
    const { user, host } = await validated();
    const v = exampleValidation();
    const f = v.result.findings[0];
    const before = v.result.findings.length;
    await user.click(rows()[0]);
    await user.click(within(screen.getByTestId('finding-details')).getByRole('button', { name: '수용' }));
    await user.type(screen.getByRole('textbox', { name: /수용 사유/ }), '국비 사업이라 별도 집계');
    await user.click(screen.getByRole('button', { name: '수용하기' }));
    await waitFor(() => expect(mock.writeAcceptances).toHaveBeenCalledTimes(1));
    const [h, list] = mock.writeAcceptances.mock.calls[0] as unknown as [unknown, { rule: string; cell: string; reason: string }[]];
    expect(h).toBe(host);
    expect(list).toEqual([expect.objectContaining({ rule: f.rule, cell: f.cell, reason: '국비 사업이라 별도 집계' })]);
    await waitFor(() => expect(mock.validate).toHaveBeenCalledTimes(2));
    await waitFor(() => expect(within(screen.getByTestId('findings')).getAllByRole('listitem')).toHaveLength(before - 1));
    expect(screen.getByTestId('status').textContent).toBe('항목을 수용했습니다. 통합 문서에 저장됩니다.');

    const accepted = screen.getByTestId('accepted');
    expect(accepted.querySelector('summary')?.textContent).toBe('수용한 항목 (1)');
    expect(accepted.textContent).toContain('사유: 국비 사업이라 별도 집계');
    await user.click(accepted.querySelector('summary')!);
    await user.click(within(accepted).getByRole('button', { name: '되돌리기' }));
    await waitFor(() => expect(mock.writeAcceptances).toHaveBeenCalledTimes(2));
    expect((mock.writeAcceptances.mock.calls[1] as unknown[])[1]).toEqual([]);
    await waitFor(() => expect(within(screen.getByTestId('findings')).getAllByRole('listitem')).toHaveLength(before));
    expect(screen.queryByTestId('accepted')).toBeNull();
  });

  test('지우기 clears the marks; 검증결과 시트 만들기 writes the findings sheet; the cost is behind a toggle', async () => {
    const { user, host } = await validated();
    expect(screen.getByTestId('cost').textContent).toBe('작업 정보검증: 셀 1,234개 읽음 · 왕복 3회 · 42 ms');
    expect(screen.getByTestId('cost').querySelector('details')?.open).toBe(false);
    await user.click(screen.getByRole('button', { name: '지우기' }));
    expect(mock.clearMarks).toHaveBeenCalledWith(host);
    await waitFor(() => expect(screen.getByTestId('status').textContent).toContain('표시 7개를 원래 서식으로 되돌렸습니다.'));
    await user.click(screen.getByRole('button', { name: '검증결과 시트 만들기' }));
    expect(mock.writeResultsSheet).toHaveBeenCalledWith(host, exampleValidation().result.findings, 'ko', undefined, exampleValidation().result.progress);
    await waitFor(() => expect(screen.getByTestId('status').textContent).toContain('"검증결과" 시트를 만들었습니다.'));
    // …and that news stays on its panel
    await user.click(screen.getByRole('tab', { name: '성장률' }));
    expect(screen.getByTestId('status').textContent).toBe('');
  });

  test('edits re-validate (debounced by the adapter); the switch turns it off', async () => {
    const { user, host } = await validated();
    await waitFor(() => expect(mock.onPlanChanged).toHaveBeenCalledTimes(1));
    const [h, handler, options] = mock.onPlanChanged.mock.calls[0];
    expect(h).toBe(host);
    expect(options).toEqual({ debounceMs: 20 });
    const unsubscribe = await mock.onPlanChanged.mock.results[0].value;
    act(() => handler({ changes: 3 }));
    await waitFor(() => expect(mock.validate).toHaveBeenCalledTimes(2));
    await waitFor(() => expect(screen.getByTestId('status').textContent).toContain('수정 내용을 다시 검증했습니다.'));
    expect(mock.onPlanChanged).toHaveBeenCalledTimes(1); // a new result does not re-subscribe
    await user.click(screen.getByRole('switch', { name: '수정하면 자동으로 다시 검증' }));
    expect(unsubscribe).toHaveBeenCalled();
    act(() => handler({ changes: 1 }));
    await act(() => new Promise((r) => setTimeout(r, 50)));
    expect(mock.validate).toHaveBeenCalledTimes(2);
  });

  test('an edit noticed while an action runs is checked once the action is done', async () => {
    const { user } = await validated();
    await waitFor(() => expect(mock.onPlanChanged).toHaveBeenCalledTimes(1));
    const handler = mock.onPlanChanged.mock.calls[0][1];
    let release!: () => void;
    mock.clearMarks.mockImplementationOnce(
      () => new Promise((resolve) => (release = () => resolve({ restored: 1, cost: { syncs: 2, cellsRead: 1, ms: 1 } }))),
    );
    await user.click(screen.getByRole('button', { name: '지우기' }));
    expect(mock.clearMarks).toHaveBeenCalledTimes(1); // still running
    act(() => handler({ changes: 1 }));
    await act(() => new Promise((r) => setTimeout(r, 30)));
    expect(mock.validate).toHaveBeenCalledTimes(1);
    act(() => release());
    await waitFor(() => expect(mock.validate).toHaveBeenCalledTimes(2));
  });

  test('a workbook without a plan says so once and offers 템플릿 삽입', async () => {
    const v = exampleValidation();
    mock.validate.mockResolvedValueOnce({ ...v, result: { ...v.result, fatal: true, findings: [] } });
    const user = userEvent.setup();
    renderPane({ initialTab: 'validate' });
    await user.click(screen.getByRole('button', { name: '검증' }));
    const state = await screen.findByTestId('no-plan');
    expect(within(state).getByRole('heading', { name: '종합계획 서식이 없습니다' })).toBeTruthy();
    expect(screen.getAllByText(/찾지 못했습니다/)).toHaveLength(1);
    expect(screen.getByTestId('status').textContent).toBe('');
    expect(screen.queryByTestId('findings')).toBeNull();
    expect(mock.onPlanChanged).not.toHaveBeenCalled();
    await user.click(within(state).getByRole('button', { name: '템플릿 삽입' }));
    expect(screen.getByRole('tab', { name: '템플릿 삽입' }).getAttribute('aria-selected')).toBe('true');
    expect(screen.getByRole('button', { name: '서식 삽입' })).toBeTruthy();
  });

  test('an untouched blank template: progress, no warning, no list', async () => {
    const v = exampleValidation();
    mock.validate.mockResolvedValueOnce({
      ...v,
      marked: 0,
      result: { ...v.result, findings: [], summary: { error: 0, warning: 0, info: 0 }, progress: { subprojects: { entered: 0, total: 12 }, indicators: { entered: 0, total: 6 }, untouched: true } },
    });
    const user = userEvent.setup();
    renderPane({ initialTab: 'validate' });
    await user.click(screen.getByRole('button', { name: '검증' }));
    const progress = await screen.findByTestId('progress');
    expect(progress.textContent).toContain('세부사업 12개 중 0개 입력 · 공통 일자리 목표 6개 중 0개 입력');
    expect(progress.textContent).toContain('아직 입력한 값이 없습니다');
    expect(screen.getByRole('progressbar')).toBeTruthy();
    expect(screen.queryByTestId('findings')).toBeNull();
    expect(screen.queryByRole('group', { name: '심각도 필터' })).toBeNull();
    expect(screen.getByTestId('status').textContent).toBe('검증을 마쳤습니다.');
  });

  test('an adapter failure is shown, not thrown', async () => {
    mock.validate.mockRejectedValueOnce(new Error('RichApi.Error: InvalidArgument'));
    const user = userEvent.setup();
    renderPane({ initialTab: 'validate' });
    await user.click(screen.getByRole('button', { name: '검증' }));
    await waitFor(() => expect(screen.getByTestId('status').textContent).toBe('실패: RichApi.Error: InvalidArgument'));
  });

  test("a JavaScript error of the add-in itself, or a thrown string, says it is the add-in's, with the detail", async () => {
    mock.validate.mockRejectedValueOnce(new TypeError("Cannot read properties of undefined (reading 'values')"));
    const user = userEvent.setup();
    renderPane({ initialTab: 'validate' });
    await user.click(screen.getByRole('button', { name: '검증' }));
    await waitFor(() =>
      expect(screen.getByTestId('status').textContent).toBe("실패: 추가 기능 내부 오류입니다. 작업 창을 닫았다 다시 열고 시도하세요 (자세히: Cannot read properties of undefined (reading 'values'))"),
    );
    mock.validate.mockRejectedValueOnce('boom');
    await user.click(screen.getByRole('button', { name: '검증' }));
    await waitFor(() => expect(screen.getByTestId('status').textContent).toContain('추가 기능 내부 오류입니다. 작업 창을 닫았다 다시 열고 시도하세요 (자세히: boom)'));
  });
});

describe('the 성과 sheet (세종 2024 results example)', () => {
  test('its findings form their own group, under 성과, never "outside tables"', () => {
    const { EXAMPLES } = require('../../src/core/examples');
    const { renderWorkbook, renderedToGrid } = require('../../src/core/template/render');
    const { validateGrid } = require('../../src/core/validate');
    const v = validateGrid(renderedToGrid(renderWorkbook(EXAMPLES['sejong-2024'].draft, { formulas: false })));
    const onResults = v.result ? [] : v.findings.filter((f: Finding) => f.sheet === v.plan.results?.sheet);
    expect(onResults.length).toBeGreaterThan(0);
    const groups = groupFindings(v.findings);
    const g = groups.find((x) => x.sheet === v.plan.results.sheet)!;
    expect(g.tables.map((t) => t.table)).toEqual(['성과']);
    expect(g.single).toBe(true);
  });
});
