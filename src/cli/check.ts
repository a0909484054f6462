/** `jobtarget check`: read each input through its format's reader (src/adapters/inputs.ts), validate, report, annotate. */
import * as path from 'path';
import { SingleBar } from 'cli-progress';
import { readInput, formatOf, type InputRead } from '../adapters/inputs';
import { InputReadError } from '../adapters/read-error';
import { EXAMPLES } from '../core/examples';
import { exampleFile } from './examples';
import { parseA1 } from '../core/grid/a1';
import type { GridWorkbook } from '../core/grid/grid';
import { SEVERITY_ORDER, summarize } from '../core/rules/run';
import type { Finding, Lang } from '../core/rules/types';
import { validateGrid } from '../core/validate';
import { expandPaths } from './files';
import { EXIT, type CliIo, type ExitCode } from './io';
import { formatCsvHeader, formatCsvRows, formatJson, formatTextFile, formatTextSummary, unreadableLine, type FileReport } from './report';

export type Format = 'text' | 'json' | 'csv';

export interface CheckOptions {
  format: Format;
  lang: Lang;
  annotate?: string;
  /** Replace existing annotated copies (never an input, never through a link). */
  force?: boolean;
  /** Names of built-in examples to check too. */
  examples?: string[];
}


/** Order of findings in every report: severity, then the workbook's sheet order, row, column. */
export function orderFindings(findings: readonly Finding[], grid: GridWorkbook): Finding[] {
  const sheetIndex = new Map(grid.sheets.map((s, i) => [s.name, i]));
  const pos = (f: Finding) => {
    try {
      return f.cell ? parseA1(f.cell) : { row: -1, col: -1 };
    } catch {
      return { row: -1, col: -1 };
    }
  };
  return findings
    .map((f, i) => ({ f, i, p: pos(f), s: sheetIndex.get(f.sheet) ?? -1 }))
    .sort((a, b) => SEVERITY_ORDER[a.f.severity] - SEVERITY_ORDER[b.f.severity] || a.s - b.s || a.p.row - b.p.row || a.p.col - b.p.col || a.i - b.i)
    .map((x) => x.f);
}

interface Checked {
  report: FileReport;
  read: InputRead | null;
}

const EMPTY_SUMMARY = () => ({ error: 0, warning: 0, info: 0 });

/** Validates one workbook already read into a grid. */
export function checkRead(file: string, read: InputRead, lang: Lang): FileReport {
  const result = validateGrid(read.grid, { lang });
  if (result.fatal) {
    // Nothing of a plan was found: the file is reported like an unreadable one, with the reader's reason.
    const p = result.problems.find((x) => x.level === 'fatal')!;
    return { file, sha256: read.sha256, ok: false, error: `${p.message} (${p.messageEn})`, errorCode: 'not-a-plan', summary: EMPTY_SUMMARY(), findings: [] };
  }
  const findings = orderFindings(result.findings, read.grid);
  const summary = summarize(findings);
  return { file, sha256: read.sha256, ok: summary.error === 0, error: null, errorCode: null, summary, findings };
}

async function checkOne(file: string, cwd: string, lang: Lang): Promise<Checked> {
  try {
    const read = await readInput(path.resolve(cwd, file), file);
    return { report: checkRead(file, read, lang), read };
  } catch (e) {
    if (e instanceof InputReadError) {
      return { report: { file, sha256: null, ok: false, error: e.message, errorCode: e.code, summary: EMPTY_SUMMARY(), findings: [] }, read: null };
    }
    const msg = e instanceof Error ? e.message : String(e);
    return { report: { file, sha256: null, ok: false, error: `검사 중 오류가 났습니다: ${msg} (internal error while checking: ${msg})`, errorCode: 'unreadable', summary: EMPTY_SUMMARY(), findings: [] }, read: null };
  }
}

/** The built-in example, rendered in memory and read through the same reader as any file. */
export async function checkExample(name: string, lang: Lang): Promise<Checked> {
  const file = exampleFile(name);
  const { draftToBuffer } = await import('../adapters/xlsx/write');
  const buf = await draftToBuffer(EXAMPLES[name].draft, { formulas: false });
  const read = await readInput(buf, file);
  return { report: checkRead(file, read, lang), read };
}

export function exitCodeOf(reports: readonly FileReport[], troubles = 0): ExitCode {
  if (troubles > 0 || reports.some((r) => r.error !== null)) return EXIT.trouble;
  if (reports.some((r) => r.summary.error > 0)) return EXIT.findings;
  return EXIT.ok;
}

export async function runCheck(paths: string[], opts: CheckOptions, io: CliIo): Promise<ExitCode> {
  const cwd = io.cwd ?? process.cwd();
  const lang = opts.lang;
  const ko = lang === 'ko';
  const { files, emptyFolders, unreadableFolders } = await expandPaths(paths, cwd);
  let troubles = 0;
  for (const { folder, code } of unreadableFolders) {
    troubles += 1;
    io.stderr.write(`${folder}: 폴더를 읽을 수 없습니다 (cannot list this folder: ${code})\n`);
  }
  for (const dir of emptyFolders) {
    io.stderr.write(`${dir}: ${ko ? '폴더에 .xlsx 파일이 없습니다' : 'no .xlsx files in this folder'} (${ko ? 'no .xlsx files in this folder' : '폴더에 .xlsx 파일이 없습니다'})\n`);
  }
  const examples = opts.examples ?? [];
  const total = files.length + examples.length;
  if (total === 0) {
    // A script reading the JSON still gets a report (of no file).
    if (opts.format === 'json') io.stdout.write(formatJson([]));
    if (unreadableFolders.length) return EXIT.trouble;
    io.stderr.write(ko ? '검사할 .xlsx 파일이 없습니다 (no .xlsx files to check)\n' : 'no .xlsx files to check (검사할 .xlsx 파일이 없습니다)\n');
    return EXIT.trouble;
  }

  // With a progress bar on the terminal, everything else waits until the bar is done.
  const showBar = total > 1 && io.isTTY === true;
  const held: { to: 'out' | 'err'; text: string }[] = [];
  const out = (text: string) => (showBar ? held.push({ to: 'out', text }) : io.stdout.write(text));
  const err = (text: string) => (showBar ? held.push({ to: 'err', text }) : io.stderr.write(text));
  const bar = showBar
    ? new SingleBar({
        stream: { isTTY: true, columns: io.columns ?? 80, write: (s: string) => io.stderr.write(s) } as unknown as NodeJS.WritableStream,
        format: ' {bar} {value}/{total} {file}',
        barsize: 30,
        hideCursor: true,
        clearOnComplete: true,
        etaBuffer: 20,
      })
    : null;
  bar?.start(total, 0, { file: '' });

  if (opts.format === 'csv') out(formatCsvHeader());
  const reports: FileReport[] = [];
  const outputs = new Set<string>();
  const inputs = files.map((f) => path.resolve(cwd, f));
  const jobs: { file: string; run: () => Promise<Checked>; input: string | null }[] = [
    ...examples.map((name) => ({ file: exampleFile(name), run: () => checkExample(name, lang), input: null })),
    ...files.map((f) => ({ file: f, run: () => checkOne(f, cwd, lang), input: path.resolve(cwd, f) })),
  ];
  for (const job of jobs) {
    bar?.update(reports.length, { file: job.file });
    const { report, read } = await job.run();
    reports.push(report);
    if (report.error !== null) err(`${unreadableLine(report, lang)}\n`);
    if (opts.format === 'text' && report.error === null) out(formatTextFile(report, lang));
    if (opts.format === 'csv') out(formatCsvRows(report));
    if (opts.annotate && read && report.error === null && (formatOf(job.file)?.annotatable ?? true) && read.buffer) {
      const { AnnotateRefusedError, OutputExistsError, annotateFile, annotatedPath } = await import('../adapters/xlsx/annotate');
      const dir = path.resolve(cwd, opts.annotate);
      let target = annotatedPath(job.input ?? path.join(cwd, job.file), dir);
      for (let k = 2; outputs.has(target); k++) target = target.replace(/(?: \(\d+\))?\.검증\.(xls[xm])$/i, ` (${k}).검증.$1`);
      outputs.add(target);
      try {
        const written = await annotateFile(job.input ?? path.join(cwd, job.file), report.findings, dir, {
          inputs,
          buffer: read.buffer,
          output: target,
          force: opts.force,
          // The source as given, so same-named inputs from different folders are told apart.
          file: job.file,
          lang,
          sha256: read.sha256,
          checkedAt: io.now?.() ?? new Date(),
        });
        const shown = path.relative(cwd, written) || written;
        const line = ko ? `  검증 사본: ${shown}\n` : `  annotated copy: ${shown}\n`;
        if (opts.format === 'text') out(`${line}\n`);
        else err(line);
      } catch (e) {
        troubles += 1;
        const shown = path.relative(cwd, target) || target;
        const msg =
          e instanceof AnnotateRefusedError
            ? ko
              ? `검증 사본 ${shown}이(가) 입력 파일이거나 입력 파일로 이어져 쓰지 않았습니다 (refused: the annotated copy ${shown} is, or links to, an input file)`
              : `refused: the annotated copy ${shown} is, or links to, an input file (검증 사본이 입력 파일이거나 입력 파일로 이어져 쓰지 않았습니다)`
            : e instanceof OutputExistsError
              ? ko
                ? `검증 사본이 이미 있어 그대로 두었습니다: ${shown} — 덮어쓰려면 --force를 붙이세요 (an annotated copy exists and was kept: ${shown}; add --force to replace it)`
                : `an annotated copy exists and was kept: ${shown}; add --force to replace it (검증 사본이 이미 있어 그대로 두었습니다 — 덮어쓰려면 --force)`
              : `${ko ? '검증 사본을 쓰지 못했습니다' : 'could not write the annotated copy'}: ${shown} — ${e instanceof Error ? e.message : String(e)}`;
        report.ok = false;
        report.annotateError = msg;
        err(`${job.file}: ${msg}\n`);
      }
    }
  }
  bar?.update(reports.length, { file: '' });
  bar?.stop();
  for (const h of held) (h.to === 'out' ? io.stdout : io.stderr).write(h.text);

  if (opts.format === 'json') io.stdout.write(formatJson(reports));
  if (opts.format === 'text') io.stdout.write(formatTextSummary(reports, lang));
  return exitCodeOf(reports, troubles);
}
