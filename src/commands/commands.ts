/**
 * Function file of the ribbon's 빠른 검증 (Quick check) button: validates the workbook and marks the cells,
 * without opening the task pane. The pane shows the details; this only fills cells and adds notes.
 */
import { defaultHost, validate } from '../adapters/office';
import type { ExcelHost } from '../adapters/office/api';
import type { Lang } from '../core/rules/types';
import { langFromDisplayLanguage } from '../taskpane/i18n';

export async function validateWorkbook(event: Office.AddinCommands.Event, host: ExcelHost = defaultHost()): Promise<void> {
  try {
    let lang: Lang = 'ko';
    try {
      lang = langFromDisplayLanguage(Office.context.displayLanguage);
    } catch {
      // keep Korean
    }
    const r = await validate(host, { lang, highlight: true });
    console.info(`jobtarget: ${r.result.findings.length} findings, ${r.marked} cells marked (${r.annotation}), ${r.cost.syncs} syncs`);
  } catch (e) {
    console.error('jobtarget: quick check failed', e);
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
