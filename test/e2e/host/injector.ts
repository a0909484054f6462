/**
 * The scripted Excel host of the browser tests. Bundled for the browser by test/e2e/webpack.host.config.js and
 * injected with Playwright's addInitScript before the task pane's own scripts run, it:
 *  - creates the strict Excel test double (test/office-double) on the workbook in window.__E2E_CONFIG__
 *    (default: an empty workbook with Sheet1) and hands its host to the pane as window.__JOBTARGET_HOST__;
 *  - exposes window.__excelDouble (the double: syncCount, selection, cell, snapshot, userEdit …) and
 *    window.__e2e (state helpers for assertions) to the tests;
 *  - plays the Office client for the start-up facts the pane reads from office.js: Office.context.officeTheme
 *    (the pane follows bodyBackgroundColor, so this is how the dark theme is chosen) and
 *    Office.context.displayLanguage. office.js outside Office creates Office.context while its scripts load;
 *    the injector patches it after every script load, before Office.onReady resolves.
 * No Node imports: this runs in the page.
 */
import { createExcelDouble, emptyWorkbook, type ExcelDouble, type FormatModel, type NoteModel, type WorkbookModel } from '../../office-double';

/** Office.context.officeTheme as Excel reports it (colours of the Office "Colorful"/"White" and "Black" themes). */
export interface OfficeThemeColors {
  bodyBackgroundColor: string;
  bodyForegroundColor: string;
  controlBackgroundColor: string;
  controlForegroundColor: string;
}

export const OFFICE_THEMES: Record<'light' | 'dark', OfficeThemeColors> = {
  light: { bodyBackgroundColor: '#FFFFFF', bodyForegroundColor: '#000000', controlBackgroundColor: '#FFFFFF', controlForegroundColor: '#262626' },
  dark: { bodyBackgroundColor: '#262626', bodyForegroundColor: '#FFFFFF', controlBackgroundColor: '#3B3B3B', controlForegroundColor: '#FFFFFF' },
};

export interface E2EConfig {
  /** The Office theme the emulated client reports (default light). */
  officeTheme?: 'light' | 'dark';
  /** Office.context.displayLanguage (default 'ko-KR'). */
  displayLanguage?: string;
  /** Requirement sets of the emulated Excel (default: the double's, ExcelApi 1.18). */
  requirementSets?: Record<string, string>;
  /** The workbook to start from (default: one empty sheet, "Sheet1"). */
  workbook?: WorkbookModel;
}

/** Everything the user can see of the workbook: sheets other than very hidden ones, cell by cell. */
export interface VisibleState {
  sheets: string[];
  /** sheet → A1 → the cell's format as the double keeps it (cells without a format are absent). */
  formats: Record<string, Record<string, FormatModel>>;
  /** sheet → A1 → constant value or formula text. */
  values: Record<string, Record<string, string | number | boolean>>;
  /** sheet → A1 → note. */
  notes: Record<string, Record<string, NoteModel>>;
  comments: number;
}

export interface E2EHandle {
  config: E2EConfig;
  visibleState(): VisibleState;
  /** Times the emulated Office.context was patched (the theme reached the pane only if this is > 0). */
  officePatched: number;
}

declare global {
  interface Window {
    __E2E_CONFIG__?: E2EConfig;
    __excelDouble?: ExcelDouble;
    __e2e?: E2EHandle;
    Office?: typeof Office;
  }
}

function a1(key: string): string {
  const i = key.indexOf(',');
  let n = Number(key.slice(i + 1)) + 1;
  let col = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    col = String.fromCharCode(65 + r) + col;
    n = Math.floor((n - 1) / 26);
  }
  return `${col}${Number(key.slice(0, i)) + 1}`;
}

function visibleState(double: ExcelDouble): VisibleState {
  const wb = double.snapshot();
  const out: VisibleState = { sheets: [], formats: {}, values: {}, notes: {}, comments: 0 };
  const visibleIds = new Set<string>();
  for (const sheet of wb.sheets) {
    if (sheet.visibility === 'VeryHidden') continue;
    visibleIds.add(sheet.id);
    out.sheets.push(sheet.name);
    const formats: Record<string, FormatModel> = {};
    const values: Record<string, string | number | boolean> = {};
    const notes: Record<string, NoteModel> = {};
    for (const [key, cell] of Object.entries(sheet.cells)) {
      if (cell.fmt && Object.keys(cell.fmt).length) formats[a1(key)] = cell.fmt;
      if (cell.f !== undefined) values[a1(key)] = cell.f;
      else if (cell.v !== undefined) values[a1(key)] = cell.v;
    }
    for (const [key, note] of Object.entries(sheet.notes)) notes[a1(key)] = note;
    out.formats[sheet.name] = formats;
    out.values[sheet.name] = values;
    out.notes[sheet.name] = notes;
  }
  out.comments = wb.comments.filter((c) => visibleIds.has(c.sheetId)).length;
  return out;
}

function install(): void {
  const config: E2EConfig = window.__E2E_CONFIG__ ?? {};
  const double = createExcelDouble(config.workbook ?? emptyWorkbook(['Sheet1']), {
    requirementSets: config.requirementSets,
  });
  const theme = OFFICE_THEMES[config.officeTheme === 'dark' ? 'dark' : 'light'];
  const displayLanguage = config.displayLanguage ?? 'ko-KR';

  const handle: E2EHandle = { config, visibleState: () => visibleState(double), officePatched: 0 };
  window.__excelDouble = double;
  window.__e2e = handle;
  window.__JOBTARGET_HOST__ = double.host;

  const patched = new WeakSet<object>();
  const patchOffice = () => {
    let ctx: unknown;
    try {
      ctx = window.Office?.context;
    } catch {
      return;
    }
    if (!ctx || typeof ctx !== 'object' || patched.has(ctx)) return;
    try {
      Object.defineProperty(ctx, 'officeTheme', { configurable: true, enumerable: true, get: () => ({ ...theme }) });
      Object.defineProperty(ctx, 'displayLanguage', { configurable: true, enumerable: true, get: () => displayLanguage });
      patched.add(ctx);
      handle.officePatched += 1;
    } catch {
      // a frozen context: the pane then falls back to its defaults, and the theme assertion will say so
    }
  };
  // office.js defines Office.context while its (dynamically added) scripts load; load events don't bubble,
  // so listen in the capture phase. Patch again at DOMContentLoaded in case the object was replaced.
  document.addEventListener('load', (e) => {
    if (e.target instanceof HTMLScriptElement) patchOffice();
  }, true);
  document.addEventListener('DOMContentLoaded', patchOffice);
}

install();
