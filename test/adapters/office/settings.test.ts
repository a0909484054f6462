/**
 * Reviewer settings stored in the workbook (issue #13): validate() reads `jobtarget.config` from the
 * add-in's document settings (Office.context.document.settings, requirement set Settings 1.1) through the
 * strict double, applies its rule severities as the CLI applies jobtarget.config.json, and falls back to the
 * defaults — saying why — when the setting is broken or the host has no document settings.
 */
import { WORKBOOK_SETTINGS_KEY, insertTemplate, readWorkbookConfig, validate } from '../../../src/adapters/office';
import { WORKBOOK_SETTINGS_KEY as CORE_KEY } from '../../../src/core/config';
import type { ExcelHost } from '../../../src/adapters/office/api';
import type { Finding } from '../../../src/core/rules/types';
import { createExcelDouble, emptyWorkbook, type WorkbookModel } from '../../office-double';
import { coreFindings, exampleDraft, findingKeys } from './helpers';

/** The example plan inserted into a double whose workbook carries `settings` (as saved with the file). */
async function withSettings(settings: Record<string, unknown> | undefined, documentSettings = true) {
  const wb: WorkbookModel = { ...emptyWorkbook(['Sheet1']), ...(settings ? { settings } : {}) };
  const x = createExcelDouble(wb, { documentSettings });
  await insertTemplate(x.host, exampleDraft(), { formulas: false });
  x.resetCounts();
  return x;
}

const bySeverity = (findings: readonly Finding[], rule: string) => findings.filter((f) => f.rule === rule).map((f) => f.severity);

// A rule the example trips with errors, and another it trips, found from the engine's own findings
// (rules are added by others: never a hard-coded list).
const defaults = coreFindings();
const demoted = defaults.find((f) => f.severity === 'error' && f.rule !== 'structure')?.rule ?? '';
const silenced = defaults.find((f) => f.rule !== demoted && f.rule !== 'structure')?.rule ?? '';

test('the example trips a rule with errors and another rule (what the other tests change)', () => {
  expect(demoted).not.toBe('');
  expect(silenced).not.toBe('');
});

test('the key is core/config’s (the adapter writes it out so the checker loads only when there are settings)', () => {
  expect(WORKBOOK_SETTINGS_KEY).toBe(CORE_KEY);
});

test('no setting: every rule at its default severity, and the result says there was none', async () => {
  const x = await withSettings(undefined);
  const r = await validate(x.host, { lang: 'ko', highlight: false });
  expect(r.config).toEqual({ source: 'none', rules: {}, problems: [] });
  expect(findingKeys(r.result.findings)).toEqual(findingKeys(defaults));
  expect(r.sheets).toEqual(['Sheet1', '개요', '공통 일자리 목표', '분야별 목표', '실천과제']);
});

test('a stored config changes severities and turns rules off, like jobtarget.config.json for the CLI', async () => {
  const config = { rules: { [demoted]: 'warn', [silenced]: 'off' } };
  const x = await withSettings({ [WORKBOOK_SETTINGS_KEY]: config });
  const r = await validate(x.host, { lang: 'ko', highlight: true });
  expect(r.config).toEqual({ source: 'workbook', rules: { [demoted]: 'warning', [silenced]: 'off' }, problems: [] });
  const before = bySeverity(defaults, demoted);
  expect(before).toContain('error');
  expect(bySeverity(r.result.findings, demoted)).toEqual(before.map(() => 'warning'));
  expect(bySeverity(r.result.findings, silenced)).toEqual([]);
  // every other finding as without the setting
  const others = (list: readonly Finding[]) => findingKeys(list.filter((f) => f.rule !== demoted && f.rule !== silenced));
  expect(others(r.result.findings)).toEqual(others(defaults));
  expect(r.result.summary.error).toBe(defaults.filter((f) => f.severity === 'error' && f.rule !== demoted && f.rule !== silenced).length);
  // reading the settings costs no round trip: 3 with highlighting, as always
  expect(r.cost.syncs).toBeLessThanOrEqual(3);
});

test('the text of jobtarget.config.json stored as a string is read the same way', async () => {
  const x = await withSettings({ [WORKBOOK_SETTINGS_KEY]: `\uFEFF{"$schema": "x", "rules": {"${demoted}": 1}}` });
  const r = await validate(x.host, { lang: 'en', highlight: false });
  expect(r.config?.source).toBe('workbook');
  expect(bySeverity(r.result.findings, demoted).every((s) => s === 'warning')).toBe(true);
});

describe('a broken setting applies nothing: defaults, with every problem listed in both languages', () => {
  const cases: [string, unknown, RegExp][] = [
    ['an unknown rule', { rules: { [demoted]: 'warning', 'no-such-rule': 'off' } }, /unknown rule: no-such-rule/],
    ['an unknown severity', { rules: { [demoted]: 'loud' } }, /unknown severity "loud"/],
    ['an unknown key', { rule: { [demoted]: 'off' } }, /unknown setting "rule"/],
    ['not an object', ['rules'], /must be a JSON object/],
    ['text that is not JSON', '{"rules": {', /not valid JSON/],
  ];
  for (const [what, value, problem] of cases) {
    test(what, async () => {
      const x = await withSettings({ [WORKBOOK_SETTINGS_KEY]: value });
      const r = await validate(x.host, { lang: 'ko', highlight: false });
      expect(r.config?.source).toBe('invalid');
      expect(r.config?.rules).toEqual({});
      expect(r.config?.problems.map((p) => p.en).join('\n')).toMatch(problem);
      for (const p of r.config?.problems ?? []) expect(p.ko).toMatch(/[가-힣]/);
      expect(findingKeys(r.result.findings)).toEqual(findingKeys(defaults));
      expect(bySeverity(r.result.findings, demoted)).toEqual(bySeverity(defaults, demoted));
    });
  }
});

test('a host without document settings (Settings 1.1 unsupported): defaults, never an error', async () => {
  const x = await withSettings({ [WORKBOOK_SETTINGS_KEY]: { rules: { [demoted]: 'off' } } }, false);
  expect(x.host.supports('Settings', '1.1')).toBe(false);
  const r = await validate(x.host, { lang: 'ko', highlight: false });
  expect(r.config?.source).toBe('unsupported');
  expect(bySeverity(r.result.findings, demoted)).toEqual(bySeverity(defaults, demoted));
});

test('the requirement set is checked before the settings are touched; a throwing host is contained', async () => {
  let touched = 0;
  const settings = { get: () => ({ rules: {} }) };
  const host = (supported: boolean, fail = false): ExcelHost => ({
    run: () => Promise.reject(new Error('not used')),
    supports: (set) => set === 'Settings' && supported,
    documentSettings: () => {
      touched += 1;
      if (fail) throw new Error('Office.context.document is undefined');
      return settings;
    },
  });
  expect((await readWorkbookConfig(host(false))).source).toBe('unsupported');
  expect(touched).toBe(0);
  expect((await readWorkbookConfig(host(true))).source).toBe('workbook');
  expect((await readWorkbookConfig(host(true, true))).source).toBe('unsupported');
  expect((await readWorkbookConfig({ run: host(true).run, supports: () => true })).source).toBe('unsupported');
});

test('settings saved in the workbook survive save and reopen (the double keeps them with the file)', async () => {
  const x = await withSettings(undefined);
  const s = x.host.documentSettings!();
  s.set(WORKBOOK_SETTINGS_KEY, { rules: { [silenced]: 'off' } });
  // set alone is in memory only: a reopened copy has nothing until saveAsync
  expect((await readWorkbookConfig(createExcelDouble(x.snapshot()).host)).source).toBe('none');
  await new Promise<void>((resolve) => s.saveAsync(() => resolve()));
  const reopened = createExcelDouble(x.snapshot());
  expect(await readWorkbookConfig(reopened.host)).toEqual({ source: 'workbook', rules: { [silenced]: 'off' }, problems: [] });
});
