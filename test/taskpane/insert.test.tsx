/** @jest-environment jsdom */
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import * as adapter from '../../src/adapters/office';
import { incheonSeogu2023 } from '../../src/core/examples/incheon-seogu-2023';
import type { PlanDraft } from '../../src/core/model/draft';
import { EXAMPLE_CHOICES, draftFor } from '../../src/taskpane/components/InsertPanel';
import type { AdapterMock } from './fake-adapter';
import { renderPane } from './render';
import { installDomStubs } from './setup';
import { EXAMPLES } from '../../src/core/examples';

jest.mock('../../src/adapters/office', () => require('./fake-adapter').adapterMock());
const mock = adapter as unknown as AdapterMock;

beforeAll(installDomStubs);
beforeEach(() => jest.clearAllMocks());

const insertedDraft = () => (mock.insertTemplate.mock.calls[0] as unknown[])[1] as PlanDraft;
const insertOptions = () => (mock.insertTemplate.mock.calls[0] as unknown[])[2] as { formulas: boolean; sheetNames: Record<string, string> };

test('the blank template defaults to 2027–2030 (base year 2026)', () => {
  renderPane();
  expect(screen.getByRole('radio', { name: '빈 서식' })).toHaveProperty('checked', true);
  expect(screen.getByLabelText('계획 시작 연도')).toHaveProperty('value', '2027');
  expect(screen.getByLabelText('계획 기간 (년)')).toHaveProperty('value', '4');
  expect(screen.getByTestId('insert-period').textContent).toBe('계획기간 2027–2030년 · 기준연도 2026년');
});

test('one click inserts the blank template with formulas, under free sheet names, and says which names it used', async () => {
  const user = userEvent.setup();
  const { host } = renderPane();
  await user.click(screen.getByRole('button', { name: '서식 삽입' }));
  await waitFor(() => expect(mock.insertTemplate).toHaveBeenCalledTimes(1));
  expect(mock.existingSheetNames).toHaveBeenCalledWith(host);
  expect(mock.planSheetNames).toHaveBeenCalledWith(['Sheet1']);
  expect(insertedDraft().period).toEqual({ startYear: 2027, years: 4 });
  expect(insertedDraft().meta.title).toContain('2027~2030');
  expect(insertOptions()).toEqual({ formulas: true, sheetNames: { overview: '개요', indicators: '공통 일자리 목표', areas: '분야별 목표', tasks: '실천과제' } });
  await waitFor(() =>
    expect(screen.getByTestId('status').textContent).toBe('시트를 만들었습니다: 개요, 공통 일자리 목표, 분야별 목표, 실천과제'),
  );
  // The cost is for the curious: behind a closed details toggle, not in the way.
  const cost = screen.getByTestId('cost');
  expect(cost.querySelector('details')?.open).toBe(false);
  expect(cost.querySelector('summary')?.textContent).toBe('작업 정보');
  expect(cost.textContent).toBe('작업 정보삽입: 셀 0개 읽음 · 왕복 2회 · 12 ms');
});

test('the status line belongs to its panel: another panel does not show it, and it can be dismissed', async () => {
  const user = userEvent.setup();
  renderPane();
  await user.click(screen.getByRole('button', { name: '서식 삽입' }));
  await waitFor(() => expect(screen.getByTestId('status').textContent).toMatch(/^시트를 만들었습니다/));
  await user.click(screen.getByRole('tab', { name: '성장률' }));
  expect(screen.getByTestId('status').textContent).toBe('');
  await user.click(screen.getByRole('tab', { name: '템플릿 삽입' }));
  expect(screen.getByTestId('status').textContent).toMatch(/^시트를 만들었습니다/);
  await user.click(within(screen.getByTestId('status')).getByRole('button', { name: '닫기' }));
  expect(screen.getByTestId('status').textContent).toBe('');
});

test('taken names are never overwritten: the free names are used and shown', async () => {
  mock.existingSheetNames.mockResolvedValueOnce(['개요', '실천과제']);
  mock.planSheetNames.mockReturnValueOnce({ overview: '개요 (2)', indicators: '공통 일자리 목표', areas: '분야별 목표', tasks: '실천과제 (2)' });
  const user = userEvent.setup();
  renderPane();
  await user.click(screen.getByRole('button', { name: '서식 삽입' }));
  await waitFor(() => expect(mock.insertTemplate).toHaveBeenCalledTimes(1));
  expect(insertOptions().sheetNames).toMatchObject({ overview: '개요 (2)', tasks: '실천과제 (2)' });
  await waitFor(() => expect(screen.getByTestId('status').textContent).toContain('개요 → 개요 (2), 실천과제 → 실천과제 (2)'));
});

test('another period: 2031 for 5 years → 2031–2035', async () => {
  const user = userEvent.setup();
  renderPane();
  const start = screen.getByLabelText('계획 시작 연도');
  await user.clear(start);
  await user.type(start, '2031');
  const years = screen.getByLabelText('계획 기간 (년)');
  await user.clear(years);
  await user.type(years, '5');
  expect(screen.getByTestId('insert-period').textContent).toBe('계획기간 2031–2035년 · 기준연도 2030년');
  await user.click(screen.getByRole('button', { name: '서식 삽입' }));
  await waitFor(() => expect(mock.insertTemplate).toHaveBeenCalledTimes(1));
  expect(insertedDraft().period).toEqual({ startYear: 2031, years: 5 });
  expect(insertedDraft().indicators[0].targets).toHaveLength(5);
});

test('an impossible period is explained and cannot be inserted', async () => {
  const user = userEvent.setup();
  renderPane();
  const start = screen.getByLabelText('계획 시작 연도');
  await user.clear(start);
  await user.type(start, '1999');
  expect(screen.getByText(/시작 연도는 2000~2100 사이의 정수여야 합니다/)).toBeTruthy();
  expect(screen.getByRole('button', { name: '서식 삽입' })).toHaveProperty('disabled', true);
  expect(screen.queryByTestId('insert-period')).toBeNull();
});

test('예시 inserts the seed plan (인천 서구 2023–2026) as written, without formulas', async () => {
  const user = userEvent.setup();
  renderPane();
  await user.click(screen.getByRole('radio', { name: /^예시: 인천/ }));
  expect(screen.queryByLabelText('계획 시작 연도')).toBeNull();
  expect(screen.getByTestId('insert-period').textContent).toBe('계획기간 2023–2026년 · 기준연도 2022년');
  await user.click(screen.getByRole('button', { name: '서식 삽입' }));
  await waitFor(() => expect(mock.insertTemplate).toHaveBeenCalledTimes(1));
  expect(insertedDraft()).toBe(incheonSeogu2023);
  expect(insertOptions().formulas).toBe(false);
});

test('예시: 세종 2024년 성과 inserts the results example (a 성과 sheet, no plan tables)', async () => {
  const user = userEvent.setup();
  renderPane();
  await user.click(screen.getByRole('radio', { name: /^예시: 세종/ }));
  expect(screen.getByTestId('insert-period').textContent).toBe('성과 연도 2024년 · 성과 시트');
  await user.click(screen.getByRole('button', { name: '서식 삽입' }));
  await waitFor(() => expect(mock.insertTemplate).toHaveBeenCalledTimes(1));
  expect(insertedDraft()).toBe(EXAMPLES['sejong-2024'].draft);
  expect(insertOptions().formulas).toBe(false);
});

test('draftFor: blank drafts follow the period; the example ignores it', async () => {
  expect((await draftFor('blank', { startYear: 2027, years: 4 })).period).toEqual({ startYear: 2027, years: 4 });
  expect(await draftFor('example', { startYear: 2027, years: 4 })).toBe(incheonSeogu2023);
  expect(await draftFor('example', { startYear: 2027, years: 4 }, 'sejong-2024')).toBe(EXAMPLES['sejong-2024'].draft);
});

test('what the form says about each example (without loading it) is what the example holds', () => {
  for (const c of EXAMPLE_CHOICES) {
    const d = EXAMPLES[c.name].draft;
    expect({ name: c.name, period: c.period, resultsOnly: c.resultsOnly }).toEqual({ name: c.name, period: d.period, resultsOnly: d.tasks.length === 0 && !!d.results });
  }
});

test('an insert failure is reported in the status line', async () => {
  mock.insertTemplate.mockRejectedValueOnce(new Error('ExcelApi 1.7 is not supported'));
  const user = userEvent.setup();
  renderPane();
  await user.click(screen.getByRole('button', { name: '서식 삽입' }));
  await waitFor(() => expect(screen.getByTestId('status').textContent).toBe('실패: ExcelApi 1.7 is not supported'));
});

test('an impossible period is explained in the pane’s language only, under the field that is wrong', async () => {
  const user = userEvent.setup();
  renderPane({ lang: 'en' });
  const start = screen.getByLabelText('First plan year');
  await user.clear(start);
  await user.type(start, '1999');
  const form = screen.getByRole('form');
  expect(within(form).getByText('The first plan year must be a whole number from 2000 to 2100.')).toBeTruthy();
  expect(form.textContent).not.toMatch(/[가-힣]/);
  await user.clear(start);
  await user.type(start, '2027');
  const years = screen.getByLabelText('Plan years');
  await user.clear(years);
  await user.type(years, '11');
  expect(within(form).getByText('The plan must run 1 to 10 years.')).toBeTruthy();
  expect(form.textContent).not.toMatch(/[가-힣]/);
  expect(screen.getByRole('button', { name: 'Insert' })).toHaveProperty('disabled', true);
});

test('the Korean pane says it without the English half', async () => {
  const user = userEvent.setup();
  renderPane();
  const years = screen.getByLabelText('계획 기간 (년)');
  await user.clear(years);
  await user.type(years, '0');
  expect(screen.getByText('계획 기간은 1~10년이어야 합니다.')).toBeTruthy();
  expect(screen.getByRole('form').textContent).not.toMatch(/years must be/);
});
