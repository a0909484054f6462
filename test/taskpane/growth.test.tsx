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
import { renderWorkbook, renderedToGrid } from '../../src/core/template/render';
import { validateGrid } from '../../src/core/validate';

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
    // The geometric path would lower 2023's 309,550 to 309,282: a target that meets the requirement is never touched.
    expect(r.path?.[0]).toBeLessThan(309550);
    expect(r.changes).toEqual([]);
  });

  test('nothing to fill on the example: every indicator meets its requirement, so no target is lowered', () => {
    expect(rows.flatMap((r) => r.changes)).toEqual([]);
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
    expect(rate).toMatchObject({ status: 'not-met', change: 1.8, requiredFinal: 70.6 });
    expect(count.status).toBe('possibly');
    expect(rate.changes.map((c) => [c.year, c.from, c.to])).toEqual([[2026, 70.4, 70.6]]);
  });

  test('the fill only raises: years above the path stay, years below (or empty) rise to it', () => {
    const plan = planOf({
      ...(JSON.parse(JSON.stringify(incheonSeogu2023)) as typeof incheonSeogu2023),
      indicators: [{ ...incheonSeogu2023.indicators[0], targets: [69.5, null, 69.0, 69.9] }],
    });
    const [r] = growthRows(plan);
    expect(r.status).toBe('not-met');
    expect(r.path).toEqual([69.1, 69.6, 70.1, 70.6]);
    expect(r.changes.map((c) => [c.year, c.from, c.to])).toEqual([
      [2024, null, 69.6],
      [2025, 69.0, 70.1],
      [2026, 69.9, 70.6],
    ]);
    for (const c of r.changes) expect(c.from === null || c.to > c.from).toBe(true);
  });

  test('a decrease is written as Excel’s Korean formats show it: △1.1%p (English −1.1%p)', () => {
    expect(formatChange(-1.1, 'rate')).toBe('△1.1%p');
    expect(formatChange(-1.1, 'rate', 1, 'en')).toBe('−1.1%p');
    expect(formatChange(-2.5, 'count')).toBe('△2.5%');
    expect(formatChange(0, 'rate')).toBe('±0.0%p');
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

  test('asks for a validation first (the panel loads when its tab is opened)', async () => {
    renderPane({ initialTab: 'growth' });
    expect(await screen.findByText(/먼저 \[검증\]을 실행하세요/)).toBeTruthy();
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

  test('each indicator shows its path as a chart: base → each year, the required path, no shortfall when met', async () => {
    await growthTab();
    const chart = screen.getByTestId('growth-0-chart');
    expect(chart.getAttribute('role')).toBe('img');
    expect(chart.getAttribute('aria-label')).toBe('고용률(15세~64세): 2022 68.6%, 2023 69.1%, 2024 69.6%, 2025 70.1%, 2026 70.6%; 요구 최종 목표 70.6%');
    expect(chart.querySelectorAll('circle')).toHaveLength(5);
    expect(screen.getByTestId('growth-0-path')).toBeTruthy();
    expect(screen.queryByTestId('growth-0-shortfall')).toBeNull();
  });

  test('목표 경로로 채우기 is off on the example (all met) and says why', async () => {
    await growthTab();
    const button = screen.getByRole('button', { name: '목표 경로로 채우기' });
    expect(button).toHaveProperty('disabled', true);
    expect(screen.getByText('모든 지표가 요구 증감을 충족합니다. 채울 목표가 없습니다.')).toBeTruthy();
    // The button comes before the cards (reachable without scrolling past six charts).
    const cards = screen.getByTestId('growth-rows');
    expect(button.compareDocumentPosition(cards) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
  });

  describe('with a shortfall', () => {
    const short = () => {
      const draft = JSON.parse(JSON.stringify(incheonSeogu2023)) as typeof incheonSeogu2023;
      draft.indicators[0] = { ...draft.indicators[0], targets: [69.5, 69.0, 69.2, 69.5], statedChange: null };
      draft.indicators[3] = { ...draft.indicators[3], targets: [309550, 317290, 325220, 330000], statedChange: null };
      const result = validateGrid(renderedToGrid(renderWorkbook(draft, { formulas: false })));
      return { ...exampleValidation(), result };
    };
    beforeEach(() => {
      const v = short();
      mock.validate.mockImplementation(async () => v);
    });
    afterEach(() => mock.validate.mockReset());

    test('the chart draws the shortfall and the verdict says it in words', async () => {
      await growthTab();
      expect(screen.getByTestId('growth-0-status').textContent).toBe('미달');
      expect(screen.getByTestId('growth-0-shortfall').textContent).toBe('1.1%p 부족');
      expect(screen.getByTestId('growth-0-change').textContent).toBe('+0.9%p');
      expect(screen.getByTestId('growth-0-steps').textContent).toBe('2023 +0.9%p · 2024 △0.5%p · 2025 +0.2%p · 2026 +0.3%p');
    });

    test('the dialog lists only indicators that fall short, each cell as old → new, all ticked; unticking leaves it out', async () => {
      const { user } = await growthTab();
      await user.click(screen.getByRole('button', { name: '목표 경로로 채우기' }));
      const dialog = await screen.findByRole('dialog', { hidden: true });
      const boxes = within(dialog).getAllByRole('checkbox', { hidden: true });
      expect(boxes.map((b) => (b as HTMLInputElement).checked)).toEqual([true, true]);
      expect(within(dialog).getByTestId('fill-table').textContent).toContain('69.0 → 69.6');
      expect(within(dialog).getByTestId('fill-table').textContent).not.toContain('69.5 → 69.1'); // never lowered
      const rows = growthRows(short().result.plan);
      const all = rows.flatMap((r) => r.changes);
      expect(within(dialog).getByRole('button', { name: `${all.length}개 셀 채우기`, hidden: true })).toBeTruthy();
      expect(dialog.textContent).toContain('[되돌리기]');

      await user.click(boxes[1]);
      const kept = rows[0].changes;
      await user.click(within(dialog).getByRole('button', { name: `${kept.length}개 셀 채우기`, hidden: true }));
      await waitFor(() => expect(mock.writeIndicatorTargets).toHaveBeenCalledTimes(1));
      const [, cells] = mock.writeIndicatorTargets.mock.calls[0] as unknown as [unknown, { sheet: string; cell: string; value: number }[]];
      expect(cells).toEqual(kept.map((c) => ({ sheet: c.ref.sheet, cell: c.ref.cell, value: c.to })));
      await waitFor(() => expect(mock.validate).toHaveBeenCalledTimes(2));
      await waitFor(() => expect(screen.getByTestId('status').textContent).toContain(`목표 ${kept.length}개를 채웠습니다`));

      // 되돌리기 puts the old values back
      await waitFor(() => expect(screen.queryByRole('dialog', { hidden: true })).toBeNull());
      await user.click(await within(screen.getByTestId('status')).findByRole('button', { name: '되돌리기' }));
      await waitFor(() => expect(mock.restoreCells).toHaveBeenCalledTimes(1));
      expect((mock.restoreCells.mock.calls[0] as unknown[])[1]).toEqual(kept.map((c) => ({ sheet: c.ref.sheet, cell: c.ref.cell, value: c.from })));
      await waitFor(() => expect(screen.getByTestId('status').textContent).toContain('되돌렸습니다'));
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
});
