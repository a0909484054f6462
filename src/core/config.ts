/**
 * Reviewer settings shared by both front ends: rule severities, ESLint-style. The CLI reads them from
 * `jobtarget.config.json` (found upwards from the working folder) and `--rule id:severity`; the task
 * pane reads the same object from the workbook's settings. Pure: parsing and checking only.
 */
import type { Severity } from './rules/types';

export const CONFIG_FILE = 'jobtarget.config.json';

/** Key under which the task pane keeps the same settings in a workbook (Office document settings). */
export const WORKBOOK_SETTINGS_KEY = 'jobtarget.config';

export type RuleSetting = Severity | 'off';

export interface ReviewConfig {
  /** Severity per rule id; 'off' drops the rule. Rules not listed keep their default severity. */
  rules: Record<string, RuleSetting>;
}

/** A problem with a setting, in both languages. */
export interface ConfigProblem {
  ko: string;
  en: string;
}

export class ConfigError extends Error {
  constructor(readonly problems: ConfigProblem[], readonly where: string) {
    super(problems.map((p) => `${where}: ${p.ko} (${p.en})`).join('\n'));
    this.name = 'ConfigError';
  }
}

const SEVERITY_WORDS: Record<string, RuleSetting> = {
  off: 'off',
  info: 'info',
  warning: 'warning',
  warn: 'warning',
  error: 'error',
  // ESLint's numbers: 0 off, 1 warn, 2 error.
  '0': 'off',
  '1': 'warning',
  '2': 'error',
};

export const SETTING_NAMES = 'off, info, warning, error';

/** 'warn', 'WARNING', 1 → 'warning'; anything else → null. */
export function parseRuleSetting(value: unknown): RuleSetting | null {
  if (typeof value !== 'string' && typeof value !== 'number') return null;
  return SEVERITY_WORDS[String(value).trim().toLowerCase()] ?? null;
}

/** Edits (insert, delete, replace a character, or swap two neighbours) from a to b, counted up to `limit` + 1. */
function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let before = new Array<number>(b.length + 1).fill(0);
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, before[j - 2] + 1);
      cur.push(d);
    }
    [before, prev] = [prev, cur];
  }
  return prev[b.length];
}

/**
 * An unknown rule id, with the ids it may have meant: a typo (a few edits away, `row-totl`) or a part or
 * whole of one (`value-negativ`, `area-totals`); with none near, every id, so the user sees what there is.
 */
function unknownRule(id: string, known: readonly string[]): ConfigProblem {
  const want = id.trim().toLowerCase();
  const limit = Math.max(1, Math.min(3, Math.floor(want.length / 4)));
  const near = want.length < 3 ? [] : known.filter((k) => k.includes(want) || want.includes(k) || editDistance(want, k, limit) <= limit).slice(0, 3);
  if (near.length) return { ko: `모르는 규칙입니다: ${id} — ${near.join(', ')}?`, en: `unknown rule: ${id} — ${near.join(', ')}?` };
  return { ko: `모르는 규칙입니다: ${id} (규칙: ${known.join(', ')})`, en: `unknown rule: ${id} (rules: ${known.join(', ')})` };
}

/**
 * The `structure` rule (docs/rules.md) reports what the reader could not read: it is always reported, so its
 * severity is not a setting. Named, it gets that reason rather than "unknown rule".
 */
const FIXED_RULE = 'structure';
const FIXED_RULE_PROBLEM: ConfigProblem = {
  ko: 'structure 규칙(표나 머리글을 찾지 못함)의 심각도는 바꿀 수 없습니다: 읽지 못한 것은 언제나 알립니다',
  en: "the structure rule's severity cannot be changed: what could not be read (a table or header not found) is always reported",
};

function ruleProblem(id: string, known: readonly string[]): ConfigProblem {
  return id === FIXED_RULE && !known.includes(id) ? FIXED_RULE_PROBLEM : unknownRule(id, known);
}

/** Checks the rule part of a config object; every problem is listed, none thrown. */
export function parseRules(value: unknown, known: readonly string[]): { rules: Record<string, RuleSetting>; problems: ConfigProblem[] } {
  const rules: Record<string, RuleSetting> = {};
  const problems: ConfigProblem[] = [];
  if (value === undefined) return { rules, problems };
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    problems.push({ ko: '"rules"는 {"규칙": "심각도"} 객체여야 합니다', en: '"rules" must be an object {"rule": "severity"}' });
    return { rules, problems };
  }
  for (const [id, raw] of Object.entries(value as Record<string, unknown>)) {
    if (!known.includes(id)) {
      problems.push(ruleProblem(id, known));
      continue;
    }
    // ESLint also allows ["warn", options]; this tool's rules take no options, so only the severity is used.
    const setting = parseRuleSetting(Array.isArray(raw) ? raw[0] : raw);
    if (setting === null) {
      problems.push({ ko: `${id}의 심각도를 모릅니다: ${JSON.stringify(raw)} — ${SETTING_NAMES} 중 하나`, en: `${id}: unknown severity ${JSON.stringify(raw)}; use one of ${SETTING_NAMES}` });
      continue;
    }
    rules[id] = setting;
  }
  return { rules, problems };
}

/** A whole config object (parsed JSON). Unknown keys are reported so a typo does not go unnoticed. */
export function parseConfig(value: unknown, known: readonly string[]): { config: ReviewConfig; problems: ConfigProblem[] } {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return { config: { rules: {} }, problems: [{ ko: '설정은 JSON 객체여야 합니다: {"rules": {…}}', en: 'the settings must be a JSON object: {"rules": {…}}' }] };
  }
  const problems: ConfigProblem[] = [];
  for (const key of Object.keys(value)) {
    if (key !== 'rules' && key !== '$schema') problems.push({ ko: `모르는 항목입니다: "${key}" (쓸 수 있는 항목: "rules")`, en: `unknown setting "${key}" (known: "rules")` });
  }
  const r = parseRules((value as { rules?: unknown }).rules, known);
  return { config: { rules: r.rules }, problems: [...problems, ...r.problems] };
}

/** `--rule row-total:warning` → ['row-total', 'warning']. */
export function parseRuleOption(text: string, known: readonly string[]): { id: string; setting: RuleSetting } | ConfigProblem {
  const m = /^\s*([\w-]+)\s*[:=]\s*(\w+)\s*$/.exec(text);
  if (!m) return { ko: `--rule은 규칙:심각도 꼴입니다 (예: row-total:warning): ${text}`, en: `--rule takes rule:severity (e.g. row-total:warning): ${text}` };
  if (!known.includes(m[1])) return ruleProblem(m[1], known);
  const setting = parseRuleSetting(m[2]);
  if (setting === null) return { ko: `심각도를 모릅니다: ${m[2]} — ${SETTING_NAMES} 중 하나`, en: `unknown severity ${m[2]}; use one of ${SETTING_NAMES}` };
  return { id: m[1], setting };
}
