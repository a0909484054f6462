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
import type { Lang } from '../core/rules/types';

export interface TemplateOptions {
  /** true: the default example; a string: an example by name (see core/examples). */
  example?: boolean | string;
  startYear?: number;
  years?: number;
  output?: string;
  force?: boolean;
  /** Also write the 성과 and 연차별 세부계획 sheets for this plan year (blank template only). */
  results?: number;
  /** Language of the messages; the workbook itself is the Korean form either way. */
  lang?: Lang;
}

/** Extensions of formats: writing one format's content under another's would make a file nothing opens. */
const FORMATS = ['.xlsx', '.xls', '.xlsm', '.xlsb', '.xltx', '.ods', '.csv', '.cell', '.hwp', '.hwpx', '.pdf', '.txt', '.json', '.html'];

export type OutputTarget = { file: string } | { problem: { ko: string; en: string } };

/** What a command writes: its extension, and its name in messages. */
export interface OutputKind {
  ext: string;
  ko: string;
  en: string;
}

const TEMPLATE_OUTPUT: OutputKind = { ext: '.xlsx', ko: '서식은', en: 'the template is' };

/**
 * Where `-o` writes: an existing folder gets the default name; a name ending in / or \ must be an
 * existing folder; a name without the kind's extension gets it ("plan" → plan.xlsx); another format's
 * extension is refused.
 */
export async function outputTarget(output: string | undefined, defaultName: string, cwd: string, kind: OutputKind = TEMPLATE_OUTPUT): Promise<OutputTarget> {
  if (output === undefined) return { file: path.resolve(cwd, defaultName) };
  const full = path.resolve(cwd, output);
  const st = await fs.stat(full).catch(() => null);
  if (st?.isDirectory()) return { file: path.join(full, defaultName) };
  if (/[\\/]$/.test(output)) {
    return { problem: { ko: `폴더가 없습니다: ${output} — 먼저 만들거나 파일 이름을 주세요`, en: `no such folder: ${output}; create it first or give a file name` } };
  }
  // `-o .xlsx` (an extension without a name) and `-o -` (standard output elsewhere) name no file to write.
  const base = path.basename(full);
  if (output.trim() === '-' || FORMATS.includes(base.toLowerCase())) {
    return {
      problem: {
        ko: `파일 이름이 아닙니다: ${output} — 이름을 plan${kind.ext}처럼 주세요`,
        en: `not a file name: ${output}; give a name like plan${kind.ext}`,
      },
    };
  }
  const ext = path.extname(full).toLowerCase();
  if (ext !== kind.ext && FORMATS.includes(ext)) {
    const like = `${path.basename(full, path.extname(full))}${kind.ext}`;
    return {
      problem: {
        ko: `${kind.ko} ${kind.ext}로만 씁니다: ${output} — 이름을 ${like}처럼 바꾸세요`,
        en: `${kind.en} written as ${kind.ext} only: ${output}; use a name like ${like}`,
      },
    };
  }
  const file = ext === kind.ext ? full : `${full}${kind.ext}`;
  const parent = await fs.stat(path.dirname(file)).catch(() => null);
  if (!parent?.isDirectory()) {
    const dir = path.relative(cwd, path.dirname(file)) || path.dirname(file);
    return { problem: { ko: `폴더가 없습니다: ${dir} — 먼저 만드세요`, en: `no such folder: ${dir}; create it first` } };
  }
  return { file };
}

export function defaultTemplateName(period: PlanPeriod): string {
  return `jobtarget-template-${period.startYear}-${lastYear(period)}.xlsx`;
}

export async function runTemplate(opts: TemplateOptions, io: CliIo): Promise<ExitCode> {
  const cwd = io.cwd ?? process.cwd();
  const ko = (opts.lang ?? 'ko') === 'ko';
  const example = opts.example ? resolveExample(opts.example === true ? DEFAULT_EXAMPLE : opts.example) : null;
  if (example && (opts.startYear !== undefined || opts.years !== undefined)) {
    throw new UsageError(ko ? '--example은 예시의 계획기간을 그대로 씁니다: --start-year, --years와 함께 쓸 수 없습니다' : "--example keeps the example's own period; --start-year and --years cannot be used with it");
  }
  const period: PlanPeriod = { startYear: opts.startYear ?? DEFAULT_PERIOD.startYear, years: opts.years ?? DEFAULT_PERIOD.years };
  const problem = periodProblem(period);
  if (problem) throw new UsageError(problem);
  if (opts.results !== undefined && example) {
    throw new UsageError(ko ? '--results는 빈 서식에만 씁니다' : '--results is for the blank template, not an example');
  }
  if (opts.results !== undefined && (opts.results < period.startYear || opts.results > lastYear(period))) {
    throw new UsageError(
      ko ? `--results 연도는 계획기간 ${period.startYear}~${lastYear(period)} 안이어야 합니다: ${opts.results}` : `--results must be a plan year, ${period.startYear}–${lastYear(period)}: ${opts.results}`,
    );
  }
  const name = example ? exampleFile(example) : defaultTemplateName(period);
  const target = await outputTarget(opts.output, name, cwd);
  if ('problem' in target) {
    io.stderr.write(`${ko ? target.problem.ko : target.problem.en}\n`);
    return EXIT.trouble;
  }
  const file = target.file;
  const shown = path.relative(cwd, file) || file;
  try {
    if (example) await writeDraftFile(EXAMPLES[example].draft, { formulas: false }, file, { force: opts.force });
    else await writeDraftFile(blankWithResults(period, opts.results), { formulas: true }, file, { force: opts.force });
  } catch (e) {
    if (e instanceof OutputExistsError) {
      io.stderr.write(ko ? `파일이 이미 있습니다: ${shown} — 덮어쓰려면 --force를 붙이세요\n` : `file exists: ${shown}; add --force to overwrite it\n`);
      return EXIT.trouble;
    }
    const code = (e as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOENT' ? (ko ? '폴더가 없습니다' : 'the folder does not exist') : code === 'EACCES' || code === 'EPERM' ? (ko ? '쓸 권한이 없습니다' : 'permission denied') : (e as Error).message;
    io.stderr.write(ko ? `파일을 쓰지 못했습니다: ${shown} — ${why}\n` : `could not write ${shown}: ${why}\n`);
    return EXIT.trouble;
  }
  const years = `${period.startYear}~${lastYear(period)}`;
  if (ko) {
    const extra = opts.results !== undefined ? ` + ${opts.results}년 성과·연차별 세부계획` : '';
    const what = example ? `예시 통합 문서(${EXAMPLES[example].title})를` : `빈 서식(${years}${extra})을`;
    io.stdout.write(`${what} 만들었습니다: ${shown}\n`);
  } else {
    const extra = opts.results !== undefined ? ` with the ${opts.results} results sheets` : '';
    const what = example ? `the example workbook (${EXAMPLES[example].title})` : `the blank template (${period.startYear}–${lastYear(period)}${extra})`;
    io.stdout.write(`wrote ${what}: ${shown}\n`);
  }
  return EXIT.ok;
}

/** The blank template, with the 성과 and 연차별 세부계획 sheets of one plan year when asked. */
function blankWithResults(period: PlanPeriod, year: number | undefined): PlanDraft {
  const d = blankDraft({ period });
  if (year === undefined) return d;
  return { ...d, results: blankResults(year), annualPlan: annualPlanFromDraft(d, year) ?? undefined };
}
