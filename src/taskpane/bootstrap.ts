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
  /** Office.onReady had not answered within the wait (office.js is there: most likely a slow Excel). */
  timedOut?: boolean;
  displayLanguage?: string;
  bodyBackgroundColor?: string;
}

/** Waits for Office.onReady, at most `timeoutMs`; never rejects. */
export function officeReady(timeoutMs = 5000): Promise<OfficeInfo> {
  return watchOffice(timeoutMs).first;
}

/**
 * Office.onReady with a time limit that does not give up: `first` resolves when Office is ready or
 * after `timeoutMs` (then with inOffice false, so the pane can say it is not connected); `late`
 * resolves if Office becomes ready only after that (a slow start of Excel, a busy machine), so the
 * pane can connect then instead of staying disconnected. `late` never resolves when Office was ready
 * in time or never gets ready.
 */
export function watchOffice(timeoutMs = 5000): { first: Promise<OfficeInfo>; late: Promise<OfficeInfo> } {
  const never = new Promise<OfficeInfo>(() => undefined);
  if (typeof Office === 'undefined' || typeof Office.onReady !== 'function') return { first: Promise.resolve({ inOffice: false }), late: never };
  const ready = readyInfo();
  let timedOut = false;
  const timeout = new Promise<OfficeInfo>((resolve) =>
    setTimeout(() => {
      timedOut = true;
      resolve({ inOffice: false, timedOut: true });
    }, timeoutMs),
  );
  const first = Promise.race([ready, timeout]);
  const late = ready.then((info) => (timedOut && info.inOffice ? info : never));
  return { first, late };
}

function readyInfo(): Promise<OfficeInfo> {
  return Office.onReady().then(
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
}

/** Shown while Excel is slower than the wait: the pane keeps listening and starts by itself. */
export function waitingMessage(lang: Lang): string {
  return lang === 'en'
    ? 'Excel has not answered yet. Still waiting: the pane starts by itself as soon as Excel is ready. If nothing happens within a minute, close the pane and open it again.'
    : 'Excel이 아직 응답하지 않습니다. 계속 기다리는 중이며, Excel이 준비되면 작업창이 저절로 시작됩니다. 1분이 지나도 그대로면 작업창을 닫았다가 다시 여세요.';
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
