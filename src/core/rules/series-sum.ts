/**
 * "parent = Σ children" over a whole row: the 합계 column and every year column, each through the
 * shared interval check (sums.ts). Used by task-total, task-subtotal, area-total and grand-total.
 */
import type { Series, SubProject } from '../model/plan';
import { checkSum, columnSumHolds, roleColumnSumHolds, type SumPart } from './sums';
import type { Role } from './words';
import type { RuleContext, RuleMessage } from './types';
import { columnsOf } from './walk';
import { joinWords, type Words } from './words';

export interface SeriesPart {
  series: Series;
  /** Names the part in the message, e.g. a 세부사업 or a 실천과제. */
  name: Words;
  /** Converts the part into the total's unit (억원 → 백만원 = 100). */
  factor?: number;
}

/**
 * Compares each column of `total` with the same column of the parts. When a table lacks year columns
 * (a structure problem, reported by the reader), the year lists no longer line up across tables, so only
 * the 합계 column is compared: comparing misaligned years would give false alarms.
 */
export function checkSeriesSum(ctx: RuleContext, total: Series, parts: SeriesPart[], what: Words): void {
  if (parts.length === 0) return;
  const years = ctx.plan.period.years;
  const aligned = total.years.length === years && parts.every((p) => p.series.years.length === years);
  const columns = columnsOf(ctx.plan, total);
  for (let i = 0; i < columns.length; i++) {
    if (i > 0 && !aligned) break;
    const col = columns[i];
    if (columnSumHolds(col.figure, parts, i)) continue; // nothing to report: no parts list to build
    checkSum(ctx, {
      total: col.figure,
      parts: columnParts(parts, i),
      what: joinWords([what, col.label]),
      mismatchId: 'mismatch',
      roundingId: 'rounding',
    });
  }
}

/**
 * True when checkSeriesSum(ctx, total, the 세부사업's `role` rows as parts, …) would report nothing, read from
 * the 세부사업 themselves (no list of parts made): the columns it compares all add up, or there are no parts.
 * `years` is the plan period's (ctx.plan.period.years).
 */
export function subprojectSumsHold(years: number, total: Series, subprojects: readonly SubProject[], role: Role): boolean {
  if (subprojects.length === 0) return true;
  let aligned = total.years.length === years;
  for (let k = 0; k < subprojects.length && aligned; k++) if (subprojects[k][role].years.length !== years) aligned = false;
  const columns = aligned ? total.years.length + 1 : 1;
  for (let i = 0; i < columns; i++) if (!roleColumnSumHolds(i === 0 ? total.total : total.years[i - 1], subprojects, role, i)) return false;
  return true;
}

/** Column i of each part (0: 합계, i: the (i − 1)-th year), in a list made at its length and filled in a loop. */
function columnParts(parts: readonly SeriesPart[], i: number): SumPart[] {
  const out = new Array<SumPart>(parts.length);
  for (let k = 0; k < parts.length; k++) {
    const p = parts[k];
    out[k] = { figure: i === 0 ? p.series.total : p.series.years[i - 1], factor: p.factor, name: p.name };
  }
  return out;
}

/** The short forms of sumMessages: the figures once, without the parts. */
export function sumShorts(total: RuleMessage, parts: RuleMessage): Record<'mismatch' | 'rounding', RuleMessage> {
  return {
    mismatch: {
      ko: `{{what}}: ${total.ko} {{actual}} ≠ ${parts.ko} {{expected}} ({{difference}}, 허용 ±{{tolerance}})`,
      en: `{{what}}: ${total.en} {{actual}} ≠ ${parts.en} {{expected}} ({{difference}}, tolerance ±{{tolerance}})`,
    },
    rounding: {
      ko: `{{what}}: ${total.ko} {{actual}}, ${parts.ko} {{expected}} ({{difference}}, 반올림 차이 가능)`,
      en: `{{what}}: ${total.en} {{actual}}, ${parts.en} {{expected}} ({{difference}}, possibly rounding)`,
    },
  };
}

/**
 * The two messages of a parent = Σ children rule, naming the total and the parts the way the rule does,
 * e.g. sumMessages({ ko: '총계', en: 'total' }, { ko: '세부사업 합', en: 'sum of sub-projects' }).
 */
export function sumMessages(total: RuleMessage, parts: RuleMessage): Record<'mismatch' | 'rounding', RuleMessage> {
  return {
    mismatch: {
      ko: `{{what}}: ${total.ko} {{actual}} ≠ ${parts.ko} {{expected}} (차이 {{difference}}, 반올림 허용 ±{{tolerance}}; {{parts}})`,
      en: `{{what}}: ${total.en} {{actual}} ≠ ${parts.en} {{expected}} (difference {{difference}}, rounding tolerance ±{{tolerance}}; {{parts}})`,
    },
    rounding: {
      ko: `{{what}}: ${total.ko} {{actual}}, ${parts.ko} {{expected}}, 차이 {{difference}} — 반올림 차이 가능 (허용 ±{{tolerance}}; {{parts}})`,
      en: `{{what}}: ${total.en} {{actual}}, ${parts.en} {{expected}}, difference {{difference}} — possible rounding difference (tolerance ±{{tolerance}}; {{parts}})`,
    },
  };
}
