/**
 * Function file of the ribbon's 빠른 검증 (Quick check) button: validates the workbook and marks the cells,
 * without opening the task pane, then tells the user what it found in a small dialog (quickcheck.html)
 * — a ribbon button has no other place to speak, and a result only in the console is no result.
 */
import { defaultHost, validate } from '../adapters/office';
import type { ExcelHost, ValidateResult } from '../adapters/office/api';
import { summarize } from '../core/rules/run';
import type { Lang } from '../core/rules/types';
import { severityName } from '../core/present/severity';
import { langFromDisplayLanguage, translator } from '../taskpane/i18n';

/** What the dialog shows: quickcheck.html reads these query parameters (plain text, no markup). */
export function reportParams(lang: Lang, r: ValidateResult | null, error: unknown): URLSearchParams {
  const p = new URLSearchParams({ lang });
  if (!r) {
    p.set('failed', error instanceof Error ? error.message : String(error));
    return p;
  }
  if (r.result.fatal) p.set('notPlan', '1');
  const counts = summarize(r.result.findings);
  p.set('error', String(counts.error));
  p.set('warning', String(counts.warning));
  p.set('info', String(counts.info));
  p.set('marked', String(r.marked));
  // The workbook's own check settings (jobtarget.config), said as the pane says them: applied, or broken and why.
  const t = translator(lang);
  const config = r.config;
  if (config?.source === 'invalid') {
    p.append('note', `${t('configInvalidTitle')}. ${t('configInvalid')} ${config.problems.map((x) => x[lang]).join('; ')}`);
  } else if (config?.source === 'workbook') {
    const rules = Object.entries(config.rules);
    const list = rules.map(([id, setting]) => `${id} → ${setting === 'off' ? t('ruleOff') : severityName(setting, lang)}`).join(', ');
    if (rules.length) p.append('note', t('configApplied', { n: rules.length, rules: list }));
  }
  // Degraded notes are "ko / en" pairs: keep the user's language.
  for (const d of r.degraded ?? []) {
    const [ko, en] = d.split(' / ');
    p.append('note', (lang === 'en' ? en : ko) ?? d);
  }
  return p;
}

/** Shows the report in an Office dialog (DialogApi 1.1); resolves when the user closed it or it could not open. */
export function showReport(params: URLSearchParams, base: string): Promise<boolean> {
  return new Promise((resolve) => {
    try {
      if (!Office.context.requirements.isSetSupported('DialogApi', '1.1')) {
        resolve(false);
        return;
      }
      const url = new URL(`quickcheck.html?${params.toString()}`, base).toString();
      Office.context.ui.displayDialogAsync(url, { height: 30, width: 30, displayInIframe: true }, (res) => {
        if (res.status !== Office.AsyncResultStatus.Succeeded) {
          resolve(false);
          return;
        }
        // Closed by the user (or the page navigated away): the command is done.
        res.value.addEventHandler(Office.EventType.DialogEventReceived, () => resolve(true));
      });
    } catch {
      resolve(false);
    }
  });
}

export async function validateWorkbook(event: Office.AddinCommands.Event, host: ExcelHost = defaultHost()): Promise<void> {
  let lang: Lang = 'ko';
  try {
    lang = langFromDisplayLanguage(Office.context.displayLanguage);
  } catch {
    // keep Korean
  }
  let result: ValidateResult | null = null;
  let error: unknown = null;
  try {
    result = await validate(host, { lang, highlight: true });
    console.info(`jobtarget: ${result.result.findings.length} findings, ${result.marked} cells marked (${result.annotation}), ${result.cost.syncs} syncs`);
  } catch (e) {
    error = e;
    console.error('jobtarget: quick check failed', e);
  }
  try {
    await showReport(reportParams(lang, result, error), typeof location !== 'undefined' ? location.href : 'https://localhost/');
  } finally {
    event.completed();
  }
}

if (typeof Office !== 'undefined') {
  Office.onReady(() => {
    // Newer hosts route ExecuteFunction through Office.actions; older ones look the name up on the global object.
    try {
      Office.actions?.associate?.('validateWorkbook', validateWorkbook);
    } catch {
      // not available in this host
    }
  });
  (globalThis as unknown as { validateWorkbook: typeof validateWorkbook }).validateWorkbook = validateWorkbook;
}
