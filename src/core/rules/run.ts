/** Runs rules over a plan and turns their reports into structured findings. */
import { qualified } from '../grid/a1';
import type { CellRef, Plan } from '../model/plan';
import { placesOf } from './places';
import { withWalkCache } from './walk';
import type { Finding, Lang, MessageData, MessageValue, Place, ReportDescriptor, Rule, RuleMessage, Severity } from './types';

/** A message value in one language: a bilingual value gives its `lang` text, a name or figure itself. */
export function valueIn(v: MessageValue, lang: Lang): string {
  return typeof v === 'object' ? v[lang] : String(v);
}

const PLACEHOLDER = /\{\{\s*(\w+)\s*\}\}/g;

/** A template cut at its placeholders: texts[0], keys[0], texts[1], …, texts[keys.length]. */
interface CompiledTemplate {
  texts: string[];
  keys: string[];
}

/** Templates met so far (the rules' messages and their parts: a few hundred), each cut once. */
const compiled = new Map<string, CompiledTemplate>();

function compileTemplate(template: string): CompiledTemplate {
  let c = compiled.get(template);
  if (c) return c;
  const texts: string[] = [];
  const keys: string[] = [];
  let last = 0;
  for (const m of template.matchAll(PLACEHOLDER)) {
    texts.push(template.slice(last, m.index));
    keys.push(m[1]);
    last = m.index! + m[0].length;
  }
  texts.push(template.slice(last));
  c = { texts, keys };
  // A bound, should a caller format ever-new templates: start afresh rather than grow.
  if (compiled.size >= 2000) compiled.clear();
  compiled.set(template, c);
  return c;
}

/** Fills a message template's {{placeholders}} from the data, in `lang` (bilingual values pick their language). */
export function formatMessage(template: string, data: MessageData = {}, lang: Lang = 'ko'): string {
  const { texts, keys } = compileTemplate(template);
  let out = texts[0];
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i];
    out += (key in data ? valueIn(data[key], lang) : `{{${key}}}`) + texts[i + 1];
  }
  return out;
}

export interface RunOptions {
  lang?: Lang;
  /** Severity per rule id: overrides the default, or 'off'. */
  severities?: Record<string, Severity | 'off'>;
}

/** actual − expected when both are numbers (for a sum: the stated total minus the sum of its parts). */
export function differenceOf(expected: unknown, actual: unknown): number | null {
  if (typeof expected !== 'number' || typeof actual !== 'number') return null;
  return Math.round((actual - expected) * 1e9) / 1e9;
}

export interface FindingFields {
  rule: string;
  severity: Severity;
  messageId: string;
  message: RuleMessage;
  data?: MessageData;
  at: CellRef | null;
  cells?: CellRef[];
  expected?: number | string | null;
  actual?: number | string | null;
  tolerance?: number | null;
  unit?: string | null;
  place?: Place | null;
}

/** Builds a Finding from its structured fields; the texts are produced from the message and data. */
export function makeFinding(x: FindingFields, lang: Lang = 'ko'): Finding {
  const refs = x.cells ?? (x.at ? [x.at] : []);
  const data = x.data ?? {};
  const expected = x.expected ?? null;
  const actual = x.actual ?? null;
  return {
    rule: x.rule,
    severity: x.severity,
    sheet: x.at?.sheet ?? '',
    cell: x.at?.cell ?? '',
    cells: refs.map((c) => qualified(c.sheet, c.cell)),
    refs: refs.map((c) => ({ sheet: c.sheet, cell: c.cell })),
    place: x.place ?? null,
    expected,
    actual,
    tolerance: x.tolerance ?? null,
    difference: differenceOf(expected, actual),
    unit: x.unit ?? null,
    message: formatMessage(lang === 'ko' ? x.message.ko : x.message.en, data, lang),
    messageEn: formatMessage(x.message.en, data, 'en'),
    messageId: x.messageId,
    data,
  };
}

export function runRules(plan: Plan, rules: readonly Rule[], options: RunOptions = {}): Finding[] {
  const lang = options.lang ?? 'ko';
  // Every rule reports first; the places of the cells the reports name are then looked up in one walk
  // over the plan (most cells are never named: no index of every cell is built).
  const reports: { rule: Rule; severity: Severity; d: ReportDescriptor; msg: RuleMessage }[] = [];
  withWalkCache(plan, () => {
    for (const rule of rules) {
      const configured = options.severities?.[rule.meta.id];
      if (configured === 'off') continue;
      rule.check({
        plan,
        report(d) {
          const msg: RuleMessage | undefined = rule.meta.messages[d.messageId];
          if (!msg) throw new Error(`Rule ${rule.meta.id} has no message '${d.messageId}'`);
          reports.push({ rule, severity: configured ?? d.severity ?? rule.meta.defaultSeverity, d, msg });
        },
      });
    }
  });
  if (reports.length === 0) return [];
  const places = placesOf(
    plan,
    reports.map((r) => r.d.at),
  );
  return reports.map(({ rule, severity, d, msg }) => {
    const entry = places.at(d.at);
    const figures = typeof d.expected === 'number' || typeof d.actual === 'number';
    return makeFinding(
      {
        rule: rule.meta.id,
        severity,
        messageId: d.messageId,
        message: msg,
        data: d.data,
        at: d.at,
        cells: d.cells,
        expected: d.expected,
        actual: d.actual,
        tolerance: d.tolerance,
        unit: d.unit !== undefined ? d.unit : figures ? (entry?.unit ?? null) : null,
        place: d.place !== undefined ? d.place : (entry?.place ?? null),
      },
      lang,
    );
  });
}

export const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

export function summarize(findings: readonly Finding[]): Record<Severity, number> {
  const s = { error: 0, warning: 0, info: 0 };
  for (const f of findings) s[f.severity] += 1;
  return s;
}
