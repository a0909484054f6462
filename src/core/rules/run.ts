/** Runs rules over a plan and turns their reports into findings. */
import { qualified } from '../grid/a1';
import type { Plan } from '../model/plan';
import type { Finding, Lang, Rule, RuleMessage, Severity } from './types';

export function formatMessage(template: string, data: Record<string, string | number> = {}): string {
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, key: string) => (key in data ? String(data[key]) : `{{${key}}}`));
}

export interface RunOptions {
  lang?: Lang;
  /** Severity per rule id: overrides the default, or 'off'. */
  severities?: Record<string, Severity | 'off'>;
}

export function runRules(plan: Plan, rules: readonly Rule[], options: RunOptions = {}): Finding[] {
  const lang = options.lang ?? 'ko';
  const findings: Finding[] = [];
  for (const rule of rules) {
    const configured = options.severities?.[rule.meta.id];
    if (configured === 'off') continue;
    rule.check({
      plan,
      report(d) {
        const msg: RuleMessage | undefined = rule.meta.messages[d.messageId];
        if (!msg) throw new Error(`Rule ${rule.meta.id} has no message '${d.messageId}'`);
        const cells = (d.cells ?? [d.at]).map((c) => qualified(c.sheet, c.cell));
        findings.push({
          rule: rule.meta.id,
          severity: configured ?? d.severity ?? rule.meta.defaultSeverity,
          sheet: d.at.sheet,
          cell: d.at.cell,
          cells,
          expected: d.expected ?? null,
          actual: d.actual ?? null,
          tolerance: d.tolerance ?? null,
          message: formatMessage(lang === 'ko' ? msg.ko : msg.en, d.data),
          messageEn: formatMessage(msg.en, d.data),
          messageId: d.messageId,
        });
      },
    });
  }
  return findings;
}

export const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

export function summarize(findings: readonly Finding[]): Record<Severity, number> {
  const s = { error: 0, warning: 0, info: 0 };
  for (const f of findings) s[f.severity] += 1;
  return s;
}
