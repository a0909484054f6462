/**
 * What a user does in the task pane, as Playwright steps (roles and visible Korean labels, as a screen reader
 * would find them), and what the tests read back from the page and from the scripted Excel host.
 */
import type { Page } from 'playwright-core';
import type { SyncRecord } from '../../office-double';
import type { VisibleState } from '../host/injector';

export const SEVERITY_LABEL = { error: '오류', warning: '경고', info: '정보' } as const;
export type SeverityName = keyof typeof SEVERITY_LABEL;

/** Waits until the pane has rendered (its tabs exist). */
export async function paneReady(page: Page): Promise<void> {
  await page.getByRole('tab', { name: '템플릿 삽입' }).waitFor({ timeout: 30_000 });
}

/** Waits for a status message containing `text`; fails early with the status shown when it is an error. */
export async function waitForStatus(page: Page, text: string, timeout = 15_000): Promise<string> {
  const status = page.getByTestId('status');
  await status.getByText(text, { exact: false }).waitFor({ timeout }).catch(async (e: unknown) => {
    const shown = (await status.textContent().catch(() => '')) || '(no status)';
    throw new Error(`status "${text}" did not appear; the pane shows: ${shown}\n${e instanceof Error ? e.message : String(e)}`);
  });
  return (await status.textContent()) ?? '';
}

export async function openTab(page: Page, name: '템플릿 삽입' | '검증' | '성장률'): Promise<void> {
  await page.getByRole('tab', { name, exact: true }).click();
  // The 성장률 panel loads when its tab is first opened (its own chunk); wait until it is there.
  if (name === '성장률') await page.locator('[data-testid="growth-panel"], [data-testid="no-plan"]').first().waitFor({ timeout: 15_000 });
}

/** 템플릿 삽입 → 예시 → 서식 삽입. */
export async function insertExample(page: Page): Promise<string> {
  await openTab(page, '템플릿 삽입');
  await page.getByRole('radio', { name: /^예시: 인천/ }).check();
  await page.getByRole('button', { name: '서식 삽입', exact: true }).click();
  return waitForStatus(page, '시트를 만들었습니다');
}

/** 템플릿 삽입 → 빈 서식, with the plan period typed in → 서식 삽입. */
export async function insertBlank(page: Page, startYear?: number, years?: number): Promise<string> {
  await openTab(page, '템플릿 삽입');
  await page.getByRole('radio', { name: '빈 서식' }).check();
  if (startYear !== undefined) await page.getByRole('spinbutton', { name: '계획 시작 연도' }).fill(String(startYear));
  if (years !== undefined) await page.getByRole('spinbutton', { name: '계획 기간 (년)' }).fill(String(years));
  await page.getByRole('button', { name: '서식 삽입', exact: true }).click();
  return waitForStatus(page, '시트를 만들었습니다');
}

/** The 자동 다시 검증 switch. */
export async function setAutoRevalidate(page: Page, on: boolean): Promise<void> {
  await openTab(page, '검증');
  const sw = page.getByRole('switch', { name: '수정하면 자동으로 다시 검증' });
  if ((await sw.isChecked()) !== on) await sw.click();
}

/** How many checks the pane has finished (its data-checks counter). */
export async function checksDone(page: Page): Promise<number> {
  return Number((await page.locator('main[data-checks]').getAttribute('data-checks')) ?? 0);
}

/** Waits until the pane has finished more than `before` checks; fails with what the pane shows. */
export async function waitForCheck(page: Page, before: number, timeout = 15_000): Promise<string> {
  await page
    .waitForFunction((prev) => Number(document.querySelector('main[data-checks]')?.getAttribute('data-checks') ?? 0) > prev, before, { timeout })
    .catch(async (e: unknown) => {
      const shown = (await page.getByTestId('status').textContent().catch(() => '')) || '(no status)';
      throw new Error(`validation result did not appear; the pane shows: ${shown}\n${e instanceof Error ? e.message : String(e)}`);
    });
  return (await page.getByTestId('status').textContent()) ?? '';
}

/** 검증 tab → [검증]; resolves with the status line once the new result is shown. */
export async function validate(page: Page): Promise<string> {
  await openTab(page, '검증');
  const before = await checksDone(page);
  await page.getByRole('button', { name: '검증', exact: true }).click();
  return waitForCheck(page, before);
}

/** [지우기]; resolves with the status text once the pane reports what it restored. */
export async function clearMarks(page: Page): Promise<string> {
  await openTab(page, '검증');
  await page.getByRole('button', { name: '지우기', exact: true }).click();
  return waitForStatus(page, '원래 서식으로 되돌렸습니다');
}

/** The counts in the severity filter, e.g. { error: 13, warning: 11, info: 2 } (a severity without findings has no toggle: 0). */
export async function shownCounts(page: Page): Promise<Record<SeverityName, number>> {
  return page.$$eval('[data-testid="severity-counts"] [data-severity]', (els) => {
    const out: Record<string, number> = { error: 0, warning: 0, info: 0 };
    for (const el of els) out[(el as HTMLElement).dataset.severity!] = Number(/(\d+)\s*$/.exec(el.textContent ?? '')?.[1] ?? NaN);
    return out as Record<'error' | 'warning' | 'info', number>;
  });
}

export interface ShownFinding {
  severity: SeverityName | null;
  sheet: string;
  table: string;
  rule: string;
  cell: string;
  /** Text of the entry (the severity word, cell and headline). */
  text: string;
}

/** Every entry of the findings list, in display order. */
export async function shownFindings(page: Page): Promise<ShownFinding[]> {
  return page.$$eval('[data-testid="findings"] button[data-rule]', (els) =>
    els.map((el) => {
      const b = el as HTMLElement;
      // The severity as a reader gets it: the hidden word before the line ("오류: …"), not a colour.
      const label = b.textContent ?? '';
      const sev = label.startsWith('오류:') ? 'error' : label.startsWith('경고:') ? 'warning' : label.startsWith('정보:') ? 'info' : null;
      return {
        severity: sev as 'error' | 'warning' | 'info' | null,
        sheet: (b.closest('section[data-sheet]') as HTMLElement | null)?.dataset.sheet ?? '',
        table: (b.closest('[data-table]') as HTMLElement | null)?.dataset.table ?? '',
        rule: b.dataset.rule ?? '',
        cell: b.dataset.cell ?? '',
        text: (b.textContent ?? '').replace(/\s+/g, ' ').trim(),
      };
    }),
  );
}

/** The entry of the findings list for a sheet and cell. */
export function findingButton(page: Page, sheet: string, cell: string, rule?: string) {
  const ruleSel = rule ? `[data-rule="${rule}"]` : '';
  return page.locator(`[data-testid="findings"] section[data-sheet="${sheet}"] button[data-cell="${cell}"]${ruleSel}`);
}

// ---- the scripted Excel host ----------------------------------------------------------------------------

export interface DoubleView {
  syncs: number;
  log: SyncRecord[];
  selection: { sheet: string; address: string } | null;
  sheets: string[];
  handlers: number;
}

export function doubleView(page: Page): Promise<DoubleView> {
  return page.evaluate(() => {
    const d = window.__excelDouble!;
    return {
      syncs: d.syncCount(),
      log: d.syncLog(),
      selection: d.selection(),
      sheets: d.workbook.sheets.map((s) => s.name),
      handlers: d.handlerCount(),
    };
  });
}

export function resetSyncs(page: Page): Promise<void> {
  return page.evaluate(() => window.__excelDouble!.resetCounts());
}

export function visibleState(page: Page): Promise<VisibleState> {
  return page.evaluate(() => window.__e2e!.visibleState());
}

/** A cell as the double shows it through the API: value, formula, format, and its note if any. */
export function doubleCell(page: Page, sheet: string, a1: string) {
  return page.evaluate(
    ([sheetName, address]) => {
      const d = window.__excelDouble!;
      const c = d.cell(sheetName, address);
      const state = window.__e2e!.visibleState();
      return { ...c, note: state.notes[sheetName]?.[address] ?? null };
    },
    [sheet, a1] as const,
  );
}

/** Expands an address list like "C7,C10:D11" into its cells. */
export function expandAddress(address: string): string[] {
  const col = (s: string) => [...s].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  const letters = (n: number) => {
    let s = '';
    for (; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
    return s;
  };
  const out: string[] = [];
  for (const part of address.split(',')) {
    const local = part.includes('!') ? part.slice(part.lastIndexOf('!') + 1) : part;
    const m = /^\$?([A-Z]+)\$?(\d+)(?::\$?([A-Z]+)\$?(\d+))?$/.exec(local.trim().toUpperCase());
    if (!m) throw new Error(`cannot expand ${part}`);
    const [c0, r0, c1, r1] = [col(m[1]), Number(m[2]), col(m[3] ?? m[1]), Number(m[4] ?? m[2])];
    for (let r = Math.min(r0, r1); r <= Math.max(r0, r1); r++)
      for (let c = Math.min(c0, c1); c <= Math.max(c0, c1); c++) out.push(`${letters(c)}${r}`);
  }
  return out;
}
