/**
 * `jobtarget.config.json` for the CLI, found like ESLint's: in the working folder or the nearest folder
 * above it. `--config FILE` names one; `--no-config-lookup` uses none. `--rule id:severity` options
 * apply on top of the file.
 */
import { promises as fs } from 'fs';
import * as path from 'path';
import { CONFIG_FILE, ConfigError, parseConfig, parseRuleOption, type ReviewConfig, type RuleSetting } from '../core/config';

/** Rule ids the settings may name. Loaded only when there are settings to check (start-up stays light). */
async function knownRules(): Promise<readonly string[]> {
  const { ALL_RULES } = await import('../core/rules');
  return ALL_RULES.map((r) => r.meta.id);
}

export interface LoadedConfig extends ReviewConfig {
  /** The file the settings came from, or null when none was found or asked for. */
  file: string | null;
}

/** The nearest jobtarget.config.json at or above `from`, or null. */
export async function findConfigFile(from: string): Promise<string | null> {
  let dir = path.resolve(from);
  for (;;) {
    const candidate = path.join(dir, CONFIG_FILE);
    const st = await fs.stat(candidate).catch(() => null);
    if (st?.isFile()) return candidate;
    const up = path.dirname(dir);
    if (up === dir) return null;
    dir = up;
  }
}

/** "Unexpected token } in JSON at position 57" → line and column, which a person can find. */
function jsonProblem(text: string, e: unknown): { ko: string; en: string } {
  const msg = e instanceof Error ? e.message : String(e);
  const pos = /position (\d+)/.exec(msg);
  if (pos) {
    const before = text.slice(0, Number(pos[1]));
    const line = before.split('\n').length;
    const col = before.length - before.lastIndexOf('\n');
    return { ko: `JSON 문법 오류 (${line}행 ${col}열)`, en: `invalid JSON at line ${line}, column ${col}` };
  }
  return { ko: `JSON 문법 오류: ${msg}`, en: `invalid JSON: ${msg}` };
}

export async function readConfigFile(file: string, known?: readonly string[]): Promise<ReviewConfig> {
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? { ko: '파일이 없습니다', en: 'file not found' } : { ko: `읽지 못했습니다 (${code})`, en: `cannot read it (${code})` };
    throw new ConfigError([why], file);
  }
  // An empty file (made and never filled) says so, rather than the engine's "Unexpected end of JSON input".
  if (text.replace(/^\uFEFF/, '').trim() === '') {
    throw new ConfigError([{ ko: '설정 파일이 비어 있습니다 — {"rules": {…}}처럼 쓰거나 파일을 지우세요', en: 'the settings file is empty: write {"rules": {…}} or delete the file' }], file);
  }
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    throw new ConfigError([jsonProblem(text, e)], file);
  }
  const { config, problems } = parseConfig(json, known ?? (await knownRules()));
  if (problems.length) throw new ConfigError(problems, file);
  return config;
}

export interface ConfigOptions {
  /** --config FILE */
  config?: string;
  /** false with --no-config-lookup */
  configLookup?: boolean;
  /** --rule id:severity, in order; later ones win. */
  rule?: string[];
}

/** The settings of one run: the file's, then the --rule options. Throws ConfigError with every problem. */
export async function loadConfig(opts: ConfigOptions, cwd: string): Promise<LoadedConfig> {
  const file = opts.config ? path.resolve(cwd, opts.config) : opts.configLookup === false ? null : await findConfigFile(cwd);
  if (!file && !opts.rule?.length) return { rules: {}, file: null };
  const known = await knownRules();
  const base = file ? await readConfigFile(file, known) : { rules: {} };
  const rules: Record<string, RuleSetting> = { ...base.rules };
  const problems = [];
  for (const text of opts.rule ?? []) {
    const r = parseRuleOption(text, known);
    if ('id' in r) rules[r.id] = r.setting;
    else problems.push(r);
  }
  if (problems.length) throw new ConfigError(problems, '--rule');
  return { rules, file };
}
