/**
 * Checking a stored `jobtarget.config` with the CLI's own code (src/core/config.ts). A module of its own so the
 * task pane loads it only when a workbook holds settings (settings.ts imports it on demand): most workbooks
 * have none, and the pane's opening scripts stay within their size budget.
 */
import { ALL_RULES } from '../../core/rules';
import { parseConfig, type ConfigProblem } from '../../core/config';
import type { WorkbookConfig } from './api';

/** The rule ids a setting may name (the CLI's list: every registered rule). */
export function knownRuleIds(): string[] {
  return ALL_RULES.map((r) => r.meta.id);
}

const NOT_JSON: ConfigProblem = { ko: 'JSON으로 읽을 수 없습니다', en: 'not valid JSON' };

/**
 * Checks a stored value: the object itself (what Settings.set stores), or the text of
 * jobtarget.config.json stored as a string. Any problem: nothing of it applies.
 */
export function checkStoredConfig(value: unknown, known: readonly string[] = knownRuleIds()): WorkbookConfig {
  let json = value;
  if (typeof value === 'string') {
    try {
      json = JSON.parse(value.charCodeAt(0) === 0xfeff ? value.slice(1) : value);
    } catch {
      return { source: 'invalid', rules: {}, problems: [NOT_JSON] };
    }
  }
  const { config, problems } = parseConfig(json, known);
  if (problems.length) return { source: 'invalid', rules: {}, problems };
  return { source: 'workbook', rules: config.rules, problems: [] };
}
