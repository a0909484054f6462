/**
 * Start-up decisions of the pane, separated from rendering so they can be tested: which Excel host to use,
 * which language and which theme.
 *
 * Test hooks (set before the page's scripts run, e.g. Playwright's addInitScript):
 *   window.__JOBTARGET_HOST__   an ExcelHost to use instead of the real Excel.run (the e2e's scripted workbook)
 *   window.__JOBTARGET_LANG__   'ko' | 'en'
 *   window.__JOBTARGET_THEME__  'light' | 'dark'
 * and the same as query parameters: taskpane.html?lang=en&theme=dark.
 */
import type { ExcelHost } from '../adapters/office/api';
import type { Lang } from '../core/rules/types';
import { langFromDisplayLanguage } from './i18n';
import { themeFromBackground, type ThemeName } from './theme';

declare global {
  interface Window {
    __JOBTARGET_HOST__?: ExcelHost;
    __JOBTARGET_LANG__?: Lang;
    __JOBTARGET_THEME__?: ThemeName;
  }
}

/** What office.js told us; everything optional because outside Office there is nothing. */
export interface OfficeInfo {
  inOffice: boolean;
  displayLanguage?: string;
  bodyBackgroundColor?: string;
}

/** Waits for Office.onReady, at most `timeoutMs`; never rejects. */
export function officeReady(timeoutMs = 5000): Promise<OfficeInfo> {
  if (typeof Office === 'undefined' || typeof Office.onReady !== 'function') return Promise.resolve({ inOffice: false });
  const ready = Office.onReady().then(
    (info) => {
      const inOffice = !!info && !!info.host;
      const out: OfficeInfo = { inOffice };
      try {
        out.displayLanguage = Office.context?.displayLanguage;
        out.bodyBackgroundColor = Office.context?.officeTheme?.bodyBackgroundColor;
      } catch {
        // outside Office, Office.context may throw
      }
      return out;
    },
    () => ({ inOffice: false }),
  );
  const timeout = new Promise<OfficeInfo>((resolve) => setTimeout(() => resolve({ inOffice: false }), timeoutMs));
  return Promise.race([ready, timeout]);
}

function param(search: string, name: string): string | null {
  try {
    return new URLSearchParams(search).get(name);
  } catch {
    return null;
  }
}

export function chooseLang(win: Window, info: OfficeInfo): Lang {
  const q = param(win.location?.search ?? '', 'lang');
  if (q === 'en' || q === 'ko') return q;
  if (win.__JOBTARGET_LANG__ === 'en' || win.__JOBTARGET_LANG__ === 'ko') return win.__JOBTARGET_LANG__;
  return langFromDisplayLanguage(info.displayLanguage);
}

export function chooseTheme(win: Window, info: OfficeInfo): ThemeName {
  const q = param(win.location?.search ?? '', 'theme');
  if (q === 'dark' || q === 'light') return q;
  if (win.__JOBTARGET_THEME__ === 'dark' || win.__JOBTARGET_THEME__ === 'light') return win.__JOBTARGET_THEME__;
  return themeFromBackground(info.bodyBackgroundColor);
}

/** The injected host if any, else the real one when running inside Office, else null. */
export function chooseHost(win: Window, info: OfficeInfo, makeDefault: () => ExcelHost): ExcelHost | null {
  if (win.__JOBTARGET_HOST__) return win.__JOBTARGET_HOST__;
  return info.inOffice ? makeDefault() : null;
}
