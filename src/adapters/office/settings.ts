/**
 * Reviewer settings stored in the workbook (issue #13): the same object as jobtarget.config.json
 * ({"rules": {"row-total": "warning", …}}), kept in the add-in's document settings under the key
 * `jobtarget.config` (WORKBOOK_SETTINGS_KEY), parsed and checked by src/core/config.ts exactly as the
 * CLI checks its file.
 *
 * Office.context.document.settings belongs to the Common API requirement set "Settings" 1.1 (Settings.get,
 * .set, .remove, .saveAsync: Excel on Windows, Mac, iPad and the web). Settings are per add-in and per
 * document: only this add-in's own settings are visible to it, loaded with the document (no round trip).
 *
 * What happens:
 *   - no such setting (or the host has no document settings): every rule keeps its default severity;
 *   - a valid setting: its severities apply (the pane says how many rules it changed);
 *   - anything wrong (not JSON, not an object, an unknown rule or severity): nothing of it applies — the
 *     check runs with the defaults, as the CLI would refuse to run with a broken file — and the pane
 *     shows the problems, so the setting can be fixed.
 */
import type { RuleSetting } from '../../core/config';
import type { DocumentSettings, ExcelHost, WorkbookConfig } from './api';

/**
 * The key, as core/config's WORKBOOK_SETTINGS_KEY (a test holds the two equal). Written out here so that
 * reading the settings does not load the checker: src/core/config.ts comes in (settings-check.ts, on demand)
 * only when a workbook holds settings.
 */
export const WORKBOOK_SETTINGS_KEY = 'jobtarget.config';

/** The requirement set of Office.context.document.settings. */
export const SETTINGS_SET = { name: 'Settings', version: '1.1' } as const;

/** The document settings of this add-in, or null when the host has none (guarded: never throws). */
export function documentSettings(host: ExcelHost): DocumentSettings | null {
  if (!host.documentSettings) return null;
  try {
    if (!host.supports(SETTINGS_SET.name, SETTINGS_SET.version)) return null;
    return host.documentSettings() ?? null;
  } catch {
    return null;
  }
}

/** The settings stored in the workbook under `jobtarget.config`, checked (no round trip to Excel). */
export async function readWorkbookConfig(host: ExcelHost): Promise<WorkbookConfig> {
  const settings = documentSettings(host);
  if (!settings) return { source: 'unsupported', rules: {}, problems: [] };
  let value: unknown;
  try {
    value = settings.get(WORKBOOK_SETTINGS_KEY);
  } catch {
    return { source: 'invalid', rules: {}, problems: [{ ko: '설정을 읽지 못했습니다', en: 'the setting could not be read' }] };
  }
  if (value === null || value === undefined) return { source: 'none', rules: {}, problems: [] };
  const { checkStoredConfig } = await import(/* webpackChunkName: "config" */ './settings-check');
  return checkStoredConfig(value);
}

/** Severities to hand to the engine (empty: every rule at its default). */
export function severitiesOf(config: WorkbookConfig): Record<string, RuleSetting> {
  return config.source === 'workbook' ? config.rules : {};
}
