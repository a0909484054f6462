/**
 * Checking one input: read it through its format's reader, validate, order the findings. Runs in a
 * worker thread of the batch pool (pool.ts) or, when no worker can be started, in the main thread.
 */
import { readInput, type InputRead } from '../adapters/inputs';
import { InputReadError } from '../adapters/read-error';
import { parseA1 } from '../core/grid/a1';
import type { GridWorkbook } from '../core/grid/grid';
import type { Plan } from '../core/model/plan';
import { SEVERITY_ORDER, summarize } from '../core/rules/run';
import type { Finding, Lang } from '../core/rules/types';
import { validateGrid } from '../core/validate';
import { bilingual, failedReport } from './failed';
import type { FileReport } from './formatters/types';
import type { RuleSetting } from '../core/config';
import { formatOf } from '../adapters/inputs';
import { UNDECODABLE_NAME, isUndecodableName, notReadReason } from './files';
import { planIdentity } from './identity';
import { planFacts } from './facts';

/** How each file is checked: the language and the rule settings of the run (plain data: sent to workers). */
export interface CheckSettings {
  lang: Lang;
  /** Severity per rule id (jobtarget.config.json and --rule); 'off' drops the rule. */
  severities?: Record<string, RuleSetting>;
  /** --quiet: errors only. */
  quiet?: boolean;
}

const settingsOf = (s: CheckSettings | Lang): CheckSettings => (typeof s === 'string' ? { lang: s } : s);


export { EMPTY_SUMMARY, failedReport } from './failed';

/** Validates one workbook already read into a grid. */
export function checkRead(file: string, read: InputRead, settings: CheckSettings | Lang): FileReport {
  const s = settingsOf(settings);
  const result = validateGrid(read.grid, { lang: s.lang, severities: s.severities });
  if (result.fatal) {
    // Nothing of a plan was found: the file is reported like an unreadable one, with the reader's reason.
    const p = result.problems.find((x) => x.level === 'fatal')!;
    return failedReport(file, 'not-a-plan', `${p.message} (${p.messageEn})`, read.sha256);
  }
  // --quiet reports errors only, like ESLint's: warnings and info are neither listed nor counted.
  const kept = s.quiet ? result.findings.filter((f) => f.severity === 'error') : result.findings;
  // validateGrid gives them in the one order (core/present/order.ts), which every output keeps.
  const findings = kept;
  const summary = summarize(findings);
  const accepted = result.accepted.map((a) => ({ finding: a.finding, reason: a.acceptance.reason, acceptedAt: a.acceptance.acceptedAt }));
  return {
    file,
    sha256: read.sha256,
    ok: summary.error === 0,
    error: null,
    errorCode: null,
    plan: planIdentity(result.plan),
    progress: hasPlanTables(result.plan) ? result.progress : null,
    facts: planFacts(result.plan),
    summary,
    findings,
    ...(accepted.length ? { accepted } : {}),
  };
}

/** True when the workbook has a table of the 종합계획 (a results report alone has none: its progress is not a plan's). */
function hasPlanTables(plan: Plan): boolean {
  return plan.tasks.length > 0 || plan.indicators.length > 0 || plan.areas.length > 0 || plan.grandTotal !== null;
}

export interface Checked {
  report: FileReport;
  read: InputRead | null;
}

/** Reads and validates one file; every failure becomes a report (no library's text reaches the user). */
export async function checkFile(file: string, fullPath: string, settings: CheckSettings | Lang): Promise<Checked> {
  const s = settingsOf(settings);
  // Named on the command line in a format no reader takes (.pdf, .cell, …): say why and what to do.
  const reason = formatOf(file) ? null : notReadReason(file);
  if (reason) return { report: failedReport(file, 'not-supported', bilingual(reason, s.lang)), read: null };
  try {
    const read = await readInput(fullPath, file);
    return { report: checkRead(file, read, s), read };
  } catch (e) {
    if (e instanceof InputReadError) {
      // Named on the command line with bytes that are not UTF-8: say so, not just "not found".
      if (e.code === 'not-found' && (await isUndecodableName(fullPath))) return { report: failedReport(file, e.code, bilingual(UNDECODABLE_NAME, s.lang)), read: null };
      return { report: failedReport(file, e.code, e.message), read: null };
    }
    return {
      report: failedReport(
        file,
        'damaged',
        '검사하지 못했습니다 — 파일이 손상되었거나 읽을 수 없는 구조입니다. Excel에서 열어 다시 저장하세요 (could not be checked: the file is damaged or has a structure that cannot be read; open and re-save it in Excel)',
      ),
      read: null,
    };
  }
}
