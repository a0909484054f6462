/** @jest-environment jsdom */
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import * as adapter from '../../src/adapters/office';
import { groupFindings, tableAnchors, tableOf, cellsToSelect } from '../../src/taskpane/model/findings';
import type { Finding } from '../../src/core/rules/types';
import { exampleValidation, type AdapterMock } from './fake-adapter';
import { idle, renderPane } from './render';
import { installDomStubs } from './setup';

jest.mock('../../src/adapters/office', () => require('./fake-adapter').adapterMock());
const mock = adapter as unknown as AdapterMock;

beforeAll(installDomStubs);
beforeEach(() => jest.clearAllMocks());

describe('grouping (model)', () => {
  const v = exampleValidation();
  const { findings, plan } = v.result;

  test('groups the example’s findings by sheet, then by plan table, keeping every finding once', () => {
    const groups = groupFindings(findings, plan);
    expect(groups.reduce((n, g) => n + g.count, 0)).toBe(findings.length);
    const areas = groups.find((g) => g.sheet === '분야별 목표');
    expect(areas?.tables.map((t) => t.table)).toEqual(['분야별 목표']);
    // every finding on the tasks sheet sits under a numbered 실천과제 table
    const tasks = groups.find((g) => g.sheet === '실천과제');
    for (const t of tasks?.tables ?? []) expect(t.table).toMatch(/^[①-⑬] /);
  });

  test('a cell belongs to the nearest table above it on its sheet', () => {
    const anchors = tableAnchors(plan);
    const task3 = plan.tasks.find((t) => t.no === 3)!;
    const below = task3.subprojects[0].label.cell;
    expect(tableOf(anchors, task3.label.sheet, below)).toBe(`③ ${task3.name}`);
    expect(tableOf(anchors, '분야별 목표', 'C7')).toBe('분야별 목표');
    expect(tableOf(anchors, 'Sheet9', 'A1')).toBeNull();
  });

  test('workbook-level findings (no sheet) form their own group, under the table their message names', () => {
    const f: Finding = {
      rule: 'structure', severity: 'error', sheet: '', cell: '', cells: [], refs: [], expected: null, actual: null, tolerance: null,
      difference: null, unit: null, place: { table: { kind: 'areas', name: '분야별 목표', index: -1 } },
      message: '[분야별 목표] 표를 찾지 못했습니다', messageEn: '[분야별 목표] table not found', messageId: 'tableNotFound',
      data: { table: '분야별 목표', problem: { ko: '표를 찾지 못했습니다', en: 'table not found' } },
    };
    const groups = groupFindings([f], null);
    expect(groups).toEqual([{ sheet: '', count: 1, tables: [{ table: '분야별 목표', findings: [f] }] }]);
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

  test('검증 runs validate with highlight, shows counts by severity and the findings grouped by sheet and table', async () => {
    const { host } = await validated();
    expect(mock.validate).toHaveBeenCalledWith(host, { lang: 'ko', highlight: true });
    const v = exampleValidation();
    const counts = screen.getByTestId('severity-counts');
    expect(within(counts).getByText(`오류 ${v.result.summary.error}`)).toBeTruthy();
    expect(within(counts).getByText(`경고 ${v.result.summary.warning}`)).toBeTruthy();
    expect(within(counts).getByText(`정보 ${v.result.summary.info}`)).toBeTruthy();

    const list = screen.getByTestId('findings');
    const sheetSection = within(list).getByRole('region', { name: '분야별 목표' });
    expect(within(sheetSection).getByRole('heading', { level: 3 }).textContent).toContain('분야별 목표');
    expect(within(sheetSection).getByRole('heading', { level: 4, name: '분야별 목표' })).toBeTruthy();
    expect(within(list).getAllByRole('listitem')).toHaveLength(v.result.findings.length);
    // the status line is announced (aria-live) with the summary
    expect(screen.getByTestId('status').getAttribute('aria-live')).toBe('polite');
    expect(screen.getByTestId('status').textContent).toContain(`오류 ${v.result.summary.error}건`);
  });

  test('clicking a finding selects its cells through the adapter', async () => {
    const { user, host } = await validated();
    const first = exampleValidation().result.findings[0];
    const button = within(screen.getByTestId('findings')).getAllByRole('button')[0];
    expect(button.getAttribute('data-cell')).toBe(first.cell);
    await user.click(button);
    expect(mock.selectCells).toHaveBeenCalledWith(host, first.cells);
    expect(first.cells.length).toBeGreaterThan(1); // a sum: the total and its parts
  });

  test('the finding shows its cell, message and the computed vs stated figures', async () => {
    await validated();
    const f = exampleValidation().result.findings[0];
    const button = within(screen.getByTestId('findings')).getAllByRole('button')[0];
    expect(button.textContent).toContain(f.cell);
    expect(button.textContent).toContain(f.message);
    expect(button.textContent).toContain(`계산 ${Number(f.expected).toLocaleString('en-US')}`);
    expect(button.getAttribute('aria-label')).toMatch(/^오류: /);
  });

  test('지우기 clears the marks; 검증결과 시트 만들기 writes the findings sheet; the footer shows the cost', async () => {
    const { user, host } = await validated();
    expect(screen.getByTestId('cost').textContent).toBe('검증: 셀 1,234개 읽음 · 왕복 3회 · 42 ms');
    await user.click(screen.getByRole('button', { name: '지우기' }));
    expect(mock.clearMarks).toHaveBeenCalledWith(host);
    await waitFor(() => expect(screen.getByTestId('status').textContent).toContain('표시 7개를 원래 서식으로 되돌렸습니다.'));
    await user.click(screen.getByRole('button', { name: '검증결과 시트 만들기' }));
    expect(mock.writeResultsSheet).toHaveBeenCalledWith(host, exampleValidation().result.findings, 'ko');
    await waitFor(() => expect(screen.getByTestId('status').textContent).toContain('"검증결과" 시트를 만들었습니다.'));
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

  test('a workbook without a plan says so instead of listing findings', async () => {
    const v = exampleValidation();
    mock.validate.mockResolvedValueOnce({ ...v, result: { ...v.result, fatal: true, findings: [] } });
    const user = userEvent.setup();
    renderPane({ initialTab: 'validate' });
    await user.click(screen.getByRole('button', { name: '검증' }));
    expect((await screen.findAllByText(/종합계획 서식을 찾지 못했습니다/)).length).toBeGreaterThan(0);
    expect(screen.queryByTestId('findings')).toBeNull();
    expect(mock.onPlanChanged).not.toHaveBeenCalled();
  });

  test('an adapter failure is shown, not thrown', async () => {
    mock.validate.mockRejectedValueOnce(new Error('RichApi.Error: InvalidArgument'));
    const user = userEvent.setup();
    renderPane({ initialTab: 'validate' });
    await user.click(screen.getByRole('button', { name: '검증' }));
    await waitFor(() => expect(screen.getByTestId('status').textContent).toBe('실패: RichApi.Error: InvalidArgument'));
  });
});
