/** @jest-environment jsdom */
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import * as adapter from '../../src/adapters/office';
import { incheonSeogu2023 } from '../../src/core/examples/incheon-seogu-2023';
import { growthRows } from '../../src/taskpane/model/growth';
import { formatChange } from '../../src/taskpane/model/format';
import { exampleValidation, type AdapterMock } from './fake-adapter';
import { idle, renderPane } from './render';
import { installDomStubs } from './setup';
import { planOf } from '../support/plans';

jest.mock('../../src/adapters/office', () => require('./fake-adapter').adapterMock());
const mock = adapter as unknown as AdapterMock;

beforeAll(installDomStubs);
beforeEach(() => jest.clearAllMocks());

describe('growth rows (model)', () => {
  const rows = growthRows(exampleValidation().result.plan);

  test('고용률 68.6 → 70.6 is +2.0%p against a required +2%p: met; yearly steps of 0.5%p', () => {
    const r = rows[0];
    expect(r).toMatchObject({ name: '고용률(15세~64세)', kind: 'rate', base: 68.6, final: 70.6, change: 2, required: 2, status: 'met', decimals: 1 });
    expect(r.years).toEqual([2023, 2024, 2025, 2026]);
    expect(r.steps).toEqual([0.5, 0.5, 0.5, 0.5]);
    expect(formatChange(r.change, r.kind)).toBe('+2.0%p');
    expect(r.path).toEqual([69.1, 69.6, 70.1, 70.6]);
    expect(r.changes).toEqual([]); // already on the path
  });

  test('취업자 수 302,000 → 332,200 is +10.0% against a required +10%: met; the geometric path differs from the stated steps', () => {
    const r = rows[3];
    expect(r).toMatchObject({ kind: 'count', base: 302000, final: 332200, change: 10, required: 10, status: 'met', decimals: 0 });
    expect(formatChange(r.change, r.kind)).toBe('+10.0%');
    expect(r.path?.[3]).toBe(332200);
    expect(r.changes.map((c) => c.year)).toEqual([2023, 2024, 2025]);
    expect(r.changes[0]).toMatchObject({ from: 309550, ref: r.targetRefs[0] });
  });

  test('every indicator of the example meets its requirement', () => {
    expect(rows.map((r) => r.status)).toEqual(['met', 'met', 'met', 'met', 'met', 'met']);
  });

  test('a final target short of the requirement is not met; one short by rounding only is "possibly"', () => {
    const plan = planOf({
      ...(JSON.parse(JSON.stringify(incheonSeogu2023)) as typeof incheonSeogu2023),
      indicators: [
        { ...incheonSeogu2023.indicators[0], targets: [69.1, 69.6, 70.1, 70.4] },
        { ...incheonSeogu2023.indicators[3], targets: [309550, 317290, 325220, 332199] },
      ],
    });
    const [rate, count] = growthRows(plan);
    expect(rate).toMatchObject({ status: 'not-met', change: 1.8 });
    expect(count.status).toBe('possibly');
    expect(rate.changes.map((c) => [c.year, c.from, c.to])).toEqual([[2026, 70.4, 70.6]]);
  });
});

describe('growth panel (component)', () => {
  async function growthTab() {
    const user = userEvent.setup();
    const r = renderPane({ initialTab: 'validate' });
    await user.click(screen.getByRole('button', { name: '검증' }));
    await screen.findByTestId('findings');
    await idle();
    await user.click(screen.getByRole('tab', { name: '성장률' }));
    return { user, ...r };
  }

  test('asks for a validation first', () => {
    renderPane({ initialTab: 'growth' });
    expect(screen.getByText(/먼저 \[검증\]을 실행하세요/)).toBeTruthy();
  });

  test('shows base, final target, change, requirement, verdict and steps for each indicator', async () => {
    await growthTab();
    expect(within(screen.getByTestId('growth-rows')).getAllByRole('listitem')).toHaveLength(6);
    const card = screen.getByTestId('growth-0');
    expect(within(card).getByRole('heading', { name: '고용률(15세~64세)' })).toBeTruthy();
    expect(screen.getByTestId('growth-0-base').textContent).toBe('68.6%');
    expect(screen.getByTestId('growth-0-final').textContent).toBe('70.6%');
    expect(screen.getByTestId('growth-0-change').textContent).toBe('+2.0%p');
    expect(screen.getByTestId('growth-0-required').textContent).toBe('+2.0%p');
    expect(screen.getByTestId('growth-0-status').textContent).toBe('충족');
    expect(screen.getByTestId('growth-0-steps').textContent).toBe('2023 +0.5%p · 2024 +0.5%p · 2025 +0.5%p · 2026 +0.5%p');
    expect(within(card).getByText('기준 (2022)')).toBeTruthy();
    expect(within(card).getByText('최종 목표 (2026)')).toBeTruthy();

    expect(screen.getByTestId('growth-3-base').textContent).toBe('302,000 명');
    expect(screen.getByTestId('growth-3-final').textContent).toBe('332,200 명');
    expect(screen.getByTestId('growth-3-change').textContent).toBe('+10.0%');
    expect(screen.getByTestId('growth-3-status').textContent).toBe('충족');
  });

  test('목표 경로로 채우기 asks first, lists the new values, then writes them and re-validates', async () => {
    const { user, host } = await growthTab();
    await user.click(screen.getByRole('button', { name: '목표 경로로 채우기' }));
    const dialog = await screen.findByRole('dialog', { hidden: true });
    expect(within(dialog).getByText('목표 경로로 채울까요?')).toBeTruthy();
    const rows = growthRows(exampleValidation().result.plan).filter((r) => r.changes.length);
    const listed = within(dialog).getAllByRole('row', { hidden: true }).slice(1);
    expect(listed).toHaveLength(rows.reduce((n, r) => n + r.changes.length, 0));
    expect(listed[0].textContent).toContain('309,550 →');
    expect(mock.writeIndicatorTargets).not.toHaveBeenCalled();

    await user.click(within(dialog).getByRole('button', { name: '채우기', hidden: true }));
    await waitFor(() => expect(mock.writeIndicatorTargets).toHaveBeenCalledTimes(1));
    const [h, plan, updates] = mock.writeIndicatorTargets.mock.calls[0] as unknown as [unknown, unknown, { indicator: number; values: number[] }[]];
    expect(h).toBe(host);
    expect(plan).toEqual(exampleValidation().result.plan);
    expect(updates.map((u) => u.indicator)).toEqual(rows.map((r) => r.index));
    expect(updates[0].values).toEqual(rows[0].path);
    await waitFor(() => expect(mock.validate).toHaveBeenCalledTimes(2));
  });

  test('cancel writes nothing', async () => {
    const { user } = await growthTab();
    await user.click(screen.getByRole('button', { name: '목표 경로로 채우기' }));
    const dialog = await screen.findByRole('dialog', { hidden: true });
    await user.click(within(dialog).getByRole('button', { name: '취소', hidden: true }));
    await waitFor(() => expect(screen.queryByRole('dialog', { hidden: true })).toBeNull());
    expect(mock.writeIndicatorTargets).not.toHaveBeenCalled();
  });
});
