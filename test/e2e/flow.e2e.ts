/**
 * The task pane's whole flow in headless Chromium, as a user does it, against the scripted Excel host:
 * open the pane → 템플릿 삽입 (예시) → 검증 → the findings list shows the example's inconsistencies (the same
 * as the engine finds) → click one → Excel's selection is its cells → the cells are filled → 지우기 → every
 * format is back as before → 성장률 shows the indicators' figures → an edit is re-validated by itself.
 * The steps share one page and run in order. Round trips are read from the double, not from the pane.
 */
import type { Browser } from 'playwright-core';
import { ANNOTATION_TAG, SEVERITY_FILL } from '../../src/adapters/office/api';
import { OWN_WRITE_GRACE_MS } from '../../src/adapters/office/host';
import { incheonSeogu2023 } from '../../src/core/examples/incheon-seogu-2023';
import { splitQualified } from '../../src/core/grid/a1';
import { setCells } from '../../src/core/grid/edit';
import type { Finding } from '../../src/core/rules/types';
import { TEMPLATE } from '../../src/core/template/description';
import { renderWorkbook, renderedToGrid } from '../../src/core/template/render';
import { validateGrid } from '../../src/core/validate';
import type { VisibleState } from './host/injector';
import { detail, headline } from '../../src/core/present';
import { ACCEPTED_SHEET } from '../../src/core/accepted';
import { launchChromium, openPane, type PaneSession } from './harness/browser';
import {
  clearMarks,
  doubleCell,
  doubleView,
  expandAddress,
  findingButton,
  insertExample,
  openTab,
  paneReady,
  resetSyncs,
  setAutoRevalidate,
  shownCounts,
  shownFindings,
  validate,
  visibleState,
  waitForStatus,
} from './harness/pane';

const AREAS = TEMPLATE.areas.sheetName; // 분야별 목표
const TASKS = TEMPLATE.tasks.sheetName; // 실천과제
const PLAN_SHEETS = [TEMPLATE.overview.sheetName, TEMPLATE.indicators.sheetName, AREAS, TASKS];

/** What the engine finds in the example, independently of the pane (the CLI's answer). */
const expected = validateGrid(renderedToGrid(renderWorkbook(incheonSeogu2023, { formulas: false })), { lang: 'ko' });
const finding = (sheet: string, cell: string, rule?: string): Finding => {
  const f = expected.findings.find((x) => x.sheet === sheet && x.cell === cell && (!rule || x.rule === rule));
  if (!f) throw new Error(`the engine has no finding at ${sheet}!${cell}`);
  return f;
};

let browser: Browser;
let pane: PaneSession;
/** The workbook as the user sees it right before the first validation. */
let beforeValidation: VisibleState;

beforeAll(async () => {
  browser = await launchChromium();
  pane = await openPane(browser, process.env.E2E_ORIGIN!, { config: { officeTheme: 'light', displayLanguage: 'ko-KR' } });
});

afterAll(async () => {
  await pane?.close();
  await browser?.close();
});

test('the pane opens in Korean with the Office light theme, connected to the injected Excel host', async () => {
  const { page } = pane;
  await paneReady(page);
  expect(await page.title()).toBe('일자리 목표 공시 도우미');
  const facts = await page.evaluate(() => ({
    lang: document.documentElement.lang,
    theme: document.body.dataset.theme,
    patched: window.__e2e!.officePatched,
    loading: !!document.getElementById('loading'),
  }));
  expect(facts).toEqual({ lang: 'ko', theme: 'light', patched: expect.any(Number), loading: false });
  expect(facts.patched).toBeGreaterThan(0);
  // Not the "no Excel" message: the pane took the injected host.
  expect(await page.getByText('Excel에 연결되지 않았습니다', { exact: false }).count()).toBe(0);
  expect((await doubleView(page)).syncs).toBe(0);
});

test('템플릿 삽입 (예시) creates the example’s sheets through Office.js in at most 3 round trips', async () => {
  const { page } = pane;
  await resetSyncs(page);
  const status = await insertExample(page);
  expect(status).toContain(AREAS);
  const view = await doubleView(page);
  for (const name of PLAN_SHEETS) expect(view.sheets).toContain(name);
  expect(view.sheets).toContain('Sheet1'); // the user's sheet is kept
  // existing names (1) + insert (2)
  expect(view.syncs).toBeLessThanOrEqual(3);
  // The stated figure the document has wrong: 청년 일자리 확대 소요예산 합계 4,197.
  expect((await doubleCell(page, AREAS, 'C7')).value).toBe(4197);
});

test('검증 lists exactly the engine’s findings for the example, counted by severity, in at most 3 round trips', async () => {
  const { page } = pane;
  // The switch re-validates after edits; off here so the count below is validation + highlighting alone.
  await setAutoRevalidate(page, false);
  beforeValidation = await visibleState(page);
  await resetSyncs(page);

  const status = await validate(page);
  // The status line says what happened in Excel; the counts are shown once, in the severity filter.
  expect(status).toMatch(/^검증을 마쳤습니다\. 셀 [\d,]+개를 표시했습니다 \(메모 포함\)\.$/);
  expect(expected.summary).toEqual({ error: 13, warning: 11, info: 2 });
  expect(await shownCounts(page)).toEqual(expected.summary);
  expect(await page.getByTestId('severity-counts').textContent()).toBe('오류 13경고 11정보 2');

  const shown = await shownFindings(page);
  const key = (f: { severity: string | null; sheet: string; rule: string; cell: string }) => `${f.severity} ${f.sheet}!${f.cell} ${f.rule}`;
  expect(shown.map(key).sort()).toEqual(expected.findings.map(key).sort());

  // Grouped by sheet and table: the area totals under 분야별 목표, the ⑪ budget under its 실천과제.
  // One short line each: severity word, cell, headline; the figures only on demand.
  const c7 = shown.find((f) => f.sheet === AREAS && f.cell === 'C7')!;
  expect(c7).toMatchObject({ severity: 'error', rule: 'area-total', table: '분야별 목표' });
  expect(c7.text).toBe(`오류: C7${headline(finding(AREAS, 'C7'), 'ko')}`.replace(/\s+/g, ' '));
  const f7 = shown.find((f) => f.sheet === AREAS && f.cell === 'F7')!;
  expect(f7).toMatchObject({ severity: 'warning', rule: 'area-total' });
  expect(await page.getByTestId('finding-details').count()).toBe(0);
  // Sheets in workbook order.
  const sheetsShown = await page.$$eval('[data-testid="findings"] > section[data-sheet]', (els) => els.map((e) => (e as HTMLElement).dataset.sheet));
  expect(sheetsShown).toEqual(PLAN_SHEETS.filter((n) => sheetsShown.includes(n)));
  const c141 = shown.find((f) => f.sheet === TASKS && f.cell === 'C141')!;
  expect(c141).toMatchObject({ severity: 'info', rule: 'budget-without-target' });
  expect(c141.table).toContain('⑪');

  const view = await doubleView(page);
  expect(view.syncs).toBeGreaterThan(0);
  expect(view.syncs).toBeLessThanOrEqual(3);
  expect(view.log.every((s) => !s.failed)).toBe(true);
  // The footer reports the same cost (behind its toggle).
  expect(await page.getByTestId('cost').textContent()).toMatch(new RegExp(`검증: 셀 [\\d,]+개 읽음 · 왕복 ${view.syncs}회`));

  // The figures on demand (clicking also selects the cells: after the round trips were counted).
  await findingButton(page, AREAS, 'F7').click();
  expect(await page.getByTestId('finding-detail').textContent()).toBe(detail(finding(AREAS, 'F7'), 'ko'));
  await findingButton(page, AREAS, 'F7').click();
  expect(await page.getByTestId('finding-details').count()).toBe(0);
});

test('the flagged cells are filled by severity and carry notes; validation wrote no value', async () => {
  const { page } = pane;
  const c7 = await doubleCell(page, AREAS, 'C7');
  expect(c7.format.fill).toMatchObject({ color: SEVERITY_FILL.error.cell, pattern: 'Solid' });
  expect(c7.note?.content).toContain(ANNOTATION_TAG);
  expect(c7.note?.content).toContain(finding(AREAS, 'C7').message);
  expect((await doubleCell(page, AREAS, 'F7')).format.fill).toMatchObject({ color: SEVERITY_FILL.warning.cell });
  expect((await doubleCell(page, TASKS, 'C141')).format.fill).toMatchObject({ color: SEVERITY_FILL.info.cell });
  // The parts of the wrong total are marked as involved.
  const parts = finding(AREAS, 'C7').cells.map(splitQualified).filter((r) => !(r.sheet === AREAS && r.address === 'C7'));
  expect(parts.length).toBeGreaterThan(0);
  const part = await doubleCell(page, parts[0].sheet, expandAddress(parts[0].address)[0]);
  expect(part.format.fill).toMatchObject({ color: SEVERITY_FILL.error.involved });

  const now = await visibleState(page);
  expect(now.values).toEqual(beforeValidation.values);
  expect(now.sheets).toEqual(beforeValidation.sheets);
});

test('clicking a finding selects its cells in Excel, in one round trip', async () => {
  const { page } = pane;
  for (const [sheet, cell] of [[AREAS, 'C7'], [TASKS, 'C141']] as const) {
    const f = finding(sheet, cell);
    // The finding's cells on its own sheet (Excel selects on one sheet at a time).
    const refs = (f.cells.length ? f.cells : [`${sheet}!${cell}`]).map(splitQualified).filter((r) => r.sheet === sheet);
    const want = refs.flatMap((r) => expandAddress(r.address)).sort();
    expect(want).toContain(cell);

    await resetSyncs(page);
    await findingButton(page, sheet, cell).click();
    await page.waitForFunction(([s, c]) => {
      const sel = window.__excelDouble!.selection();
      return !!sel && sel.sheet === s && sel.address.includes(c);
    }, [sheet, cell] as const, { timeout: 10_000 }).catch(async () => {
      throw new Error(`selection after clicking ${sheet}!${cell}: ${JSON.stringify((await doubleView(page)).selection)}`);
    });
    const view = await doubleView(page);
    expect(view.selection!.sheet).toBe(sheet);
    expect(expandAddress(view.selection!.address).sort()).toEqual(want);
    expect(view.syncs).toBe(1);
    expect(await page.evaluate(() => window.__excelDouble!.activeSheet())).toBe(sheet);
  }
});

test('지우기 puts every format and note back as before and leaves the values alone', async () => {
  const { page } = pane;
  // Not vacuous: the cells are marked right now.
  expect((await doubleCell(page, AREAS, 'C7')).format.fill).toMatchObject({ color: SEVERITY_FILL.error.cell });
  expect(await visibleState(page)).not.toEqual(beforeValidation);
  await resetSyncs(page);
  const status = await clearMarks(page);
  const restored = Number(/표시 (\d+)개를 원래 서식으로 되돌렸습니다/.exec(status)?.[1] ?? 0);
  expect(restored).toBeGreaterThan(0);
  const after = await visibleState(page);
  expect(after.formats).toEqual(beforeValidation.formats);
  expect(after.notes).toEqual(beforeValidation.notes);
  expect(after.comments).toBe(beforeValidation.comments);
  expect(after.values).toEqual(beforeValidation.values);
  expect(after.sheets).toEqual(beforeValidation.sheets);
  expect((await doubleCell(page, AREAS, 'C7')).format.fill ?? null).toEqual(
    beforeValidation.formats[AREAS]?.C7?.fill ?? null,
  );
  // A constant number of round trips. (api.ts's table says 2 for clearMarks; the adapter makes 3: list sheets
  // and notes, read the saved formats, restore.) The footer reports what the double counted.
  const view = await doubleView(page);
  expect(view.syncs).toBeLessThanOrEqual(3);
  expect(await page.getByTestId('cost').textContent()).toContain(`왕복 ${view.syncs}회`);
});

test('성장률 shows base, final target, change and verdict: 고용률 68.6 → 70.6 (+2.0%p), 취업자 수 302,000 → 332,200 (+10.0%)', async () => {
  const { page } = pane;
  await openTab(page, '성장률');
  const cards = page.locator('[data-testid="growth-rows"] > li');
  expect(await cards.count()).toBe(incheonSeogu2023.indicators.length);

  const card = (name: string) => page.locator('[data-testid^="growth-"][data-status]').filter({ has: page.getByRole('heading', { name, exact: true }) });
  const read = async (name: string) => {
    const c = card(name);
    const id = await c.getAttribute('data-testid');
    const text = async (what: string) => ((await page.getByTestId(`${id}-${what}`).textContent()) ?? '').trim();
    return {
      status: await c.getAttribute('data-status'),
      verdict: await text('status'),
      base: await text('base'),
      final: await text('final'),
      change: await text('change'),
      required: await text('required'),
    };
  };
  expect(await read('고용률(15세~64세)')).toEqual({
    status: 'met',
    verdict: '충족',
    base: '68.6%',
    final: '70.6%',
    change: '+2.0%p',
    required: '+2.0%p',
  });
  expect(await read('취업자 수(15세~64세)')).toEqual({
    status: 'met',
    verdict: '충족',
    base: '302,000 명',
    final: '332,200 명',
    change: '+10.0%',
    required: '+10.0%',
  });
  // The example meets the requirement on every indicator.
  const statuses = await page.locator('[data-testid^="growth-"][data-status]').evaluateAll((els) => els.map((e) => e.getAttribute('data-status')));
  expect(statuses).toEqual(incheonSeogu2023.indicators.map(() => 'met'));
});

test('with the switch on, an edit in Excel is re-validated by itself (the fixed total disappears from the list)', async () => {
  const { page } = pane;
  await setAutoRevalidate(page, true);
  await validate(page);
  await page.waitForFunction(() => window.__excelDouble!.handlerCount() > 0, null, { timeout: 10_000 });
  // A person takes longer than the adapter's grace period for its own writes' events before typing.
  await page.waitForTimeout(OWN_WRITE_GRACE_MS + 200);
  // The user corrects 청년 일자리 확대 소요예산 합계 to the sum of its tasks.
  await page.evaluate(([sheet]) => window.__excelDouble!.userEdit(sheet, 'C7', [[4193]]), [AREAS] as const);
  await waitForStatus(page, '수정 내용을 다시 검증했습니다');
  // What the engine says about the edited workbook: C7 now agrees with its tasks (and no longer with its years).
  const grid = setCells(renderedToGrid(renderWorkbook(incheonSeogu2023, { formulas: false })), { [`${AREAS}!C7`]: 4193 });
  const edited = validateGrid(grid, { lang: 'ko' });
  expect(edited.findings.some((f) => f.sheet === AREAS && f.cell === 'C7' && f.rule === 'area-total')).toBe(false);
  expect(await shownCounts(page)).toEqual(edited.summary);
  const key = (f: { severity: string | null; sheet: string; rule: string; cell: string }) => `${f.severity} ${f.sheet}!${f.cell} ${f.rule}`;
  expect((await shownFindings(page)).map(key).sort()).toEqual(edited.findings.map(key).sort());
  expect(await findingButton(page, AREAS, 'C7', 'area-total').count()).toBe(0);
  await clearMarks(page);
});

test('수용: an accepted finding is saved in the workbook, survives save and reopen, and stays out of the re-check', async () => {
  const { page } = pane;
  await setAutoRevalidate(page, false);
  await validate(page);
  const before = await shownFindings(page);
  const target = before.find((f) => f.sheet === AREAS && f.rule === 'area-total')!;
  await findingButton(page, AREAS, target.cell, 'area-total').click();
  const details = page.getByTestId('finding-details');
  await details.getByRole('button', { name: '수용', exact: true }).click();
  await details.getByRole('textbox', { name: /수용 사유/ }).fill('도비 보조 사업 포함: 분야 합계가 큼');
  const checks = Number(await page.locator('main[data-checks]').getAttribute('data-checks'));
  await details.getByRole('button', { name: '수용하기' }).click();
  await waitForStatus(page, '항목을 수용했습니다');
  await page.waitForFunction((n) => Number(document.querySelector('main[data-checks]')?.getAttribute('data-checks')) > n, checks);
  expect(await findingButton(page, AREAS, target.cell, 'area-total').count()).toBe(0);
  expect((await shownFindings(page)).length).toBe(before.length - 1);
  expect((await doubleView(page)).sheets).toContain(ACCEPTED_SHEET);
  // The user does not see the bookkeeping sheet.
  expect((await visibleState(page)).sheets).not.toContain(ACCEPTED_SHEET);

  // Save, close, reopen: a new pane on the saved workbook.
  const saved = await page.evaluate(() => window.__excelDouble!.snapshot());
  const reopened = await openPane(browser, process.env.E2E_ORIGIN!, { config: { workbook: saved } });
  try {
    const p = reopened.page;
    await paneReady(p);
    await validate(p);
    const again = await shownFindings(p);
    expect(again.length).toBe(before.length - 1);
    expect(again.some((f) => f.sheet === AREAS && f.cell === target.cell && f.rule === 'area-total')).toBe(false);
    const accepted = p.getByTestId('accepted');
    expect(await accepted.locator('summary').textContent()).toBe('수용한 항목 (1)');
    await accepted.locator('summary').click();
    expect(await accepted.textContent()).toContain('사유: 도비 보조 사업 포함: 분야 합계가 큼');
    // 되돌리기: the finding is back.
    await accepted.getByRole('button', { name: '되돌리기' }).click();
    await waitForStatus(p, '수용을 취소했습니다');
    await p.waitForFunction((n) => document.querySelectorAll('[data-testid="findings"] button[data-rule]').length === n, before.length);
    expect(reopened.errors).toEqual([]);
  } finally {
    await reopened.close();
  }
});

test('the pane made no request outside its own origin (office.js included, served locally), and logged no error', async () => {
  const urls = pane.requests.map((r) => r.url);
  expect(urls).toContain(`${pane.origin}/taskpane.html`);
  expect(urls).toContain(`${pane.origin}/office-js/office.js`);
  expect(pane.foreign).toEqual([]);
  // office.js's own telemetry frame (outside an Office client), aborted like every off-origin request.
  for (const r of pane.officeJsOwn) console.log(`e2e: aborted office.js's own request ${r.url} (made by ${[...new Set(r.initiators)].join(', ')})`);
  expect(pane.errors).toEqual([]);
});
