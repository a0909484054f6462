/** `jobtarget template`: the blank template (live formulas) or the built-in example, as an .xlsx file. */
import { promises as fs } from 'fs';
import * as path from 'path';
import { OutputExistsError, writeDraftFile } from '../adapters/xlsx/write';
import { DEFAULT_EXAMPLE, EXAMPLES } from '../core/examples';
import { DEFAULT_PERIOD, lastYear, periodProblem, type PlanPeriod } from '../core/model/period';
import { blankDraft } from '../core/template/blank';
import { annualPlanFromDraft, blankResults } from '../core/results/blank';
import type { PlanDraft } from '../core/model/draft';
import { exampleFile, resolveExample } from './examples';
import { EXIT, UsageError, type CliIo, type ExitCode } from './io';

export interface TemplateOptions {
  /** true: the default example; a string: an example by name (see core/examples). */
  example?: boolean | string;
  startYear?: number;
  years?: number;
  output?: string;
  force?: boolean;
  /** Also write the 성과 and 연차별 세부계획 sheets for this plan year (blank template only). */
  results?: number;
}

export function defaultTemplateName(period: PlanPeriod): string {
  return `jobtarget-template-${period.startYear}-${lastYear(period)}.xlsx`;
}

export async function runTemplate(opts: TemplateOptions, io: CliIo): Promise<ExitCode> {
  const cwd = io.cwd ?? process.cwd();
  const example = opts.example ? resolveExample(opts.example === true ? DEFAULT_EXAMPLE : opts.example) : null;
  if (example && (opts.startYear !== undefined || opts.years !== undefined)) {
    throw new UsageError('--example은 예시의 계획기간을 그대로 씁니다: --start-year, --years와 함께 쓸 수 없습니다 (--example keeps the example\'s own period; --start-year and --years cannot be used with it)');
  }
  const period: PlanPeriod = { startYear: opts.startYear ?? DEFAULT_PERIOD.startYear, years: opts.years ?? DEFAULT_PERIOD.years };
  const problem = periodProblem(period);
  if (problem) throw new UsageError(problem);
  if (opts.results !== undefined && example) {
    throw new UsageError('--results는 빈 서식에만 씁니다 (--results is for the blank template, not an example)');
  }
  if (opts.results !== undefined && (opts.results < period.startYear || opts.results > lastYear(period))) {
    throw new UsageError(`--results 연도는 계획기간 ${period.startYear}~${lastYear(period)} 안이어야 합니다 (--results must be a plan year, ${period.startYear}–${lastYear(period)}): ${opts.results}`);
  }
  const name = example ? exampleFile(example) : defaultTemplateName(period);
  let file = path.resolve(cwd, opts.output ?? name);
  // -o DIR writes the default name into that folder.
  const st = await fs.stat(file).catch(() => null);
  if (st?.isDirectory()) file = path.join(file, name);
  const shown = path.relative(cwd, file) || file;
  try {
    if (example) await writeDraftFile(EXAMPLES[example].draft, { formulas: false }, file, { force: opts.force });
    else await writeDraftFile(blankWithResults(period, opts.results), { formulas: true }, file, { force: opts.force });
  } catch (e) {
    if (e instanceof OutputExistsError) {
      io.stderr.write(`파일이 이미 있습니다: ${shown} — 덮어쓰려면 --force를 붙이세요 (file exists: ${shown}; add --force to overwrite)\n`);
      return EXIT.trouble;
    }
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? '폴더가 없습니다 (folder does not exist)' : code === 'EACCES' ? '쓸 권한이 없습니다 (permission denied)' : (e as Error).message;
    io.stderr.write(`파일을 쓰지 못했습니다: ${shown} — ${why} (could not write the file)\n`);
    return EXIT.trouble;
  }
  const extra = opts.results !== undefined ? ` + ${opts.results}년 성과·연차별 세부계획` : '';
  const what = example ? `예시 통합 문서(${EXAMPLES[example].title})를` : `빈 서식(${period.startYear}~${lastYear(period)}${extra})을`;
  io.stdout.write(`${what} 만들었습니다: ${shown} (written: ${shown})\n`);
  return EXIT.ok;
}

/** The blank template, with the 성과 and 연차별 세부계획 sheets of one plan year when asked. */
function blankWithResults(period: PlanPeriod, year: number | undefined): PlanDraft {
  const d = blankDraft({ period });
  if (year === undefined) return d;
  return { ...d, results: blankResults(year), annualPlan: annualPlanFromDraft(d, year) ?? undefined };
}
