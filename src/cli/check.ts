/** `jobtarget check`: read each input through its format's reader (src/adapters/inputs.ts), validate, report, annotate. */
import * as path from 'path';
import { readInput, formatOf } from '../adapters/inputs';
import { exampleFile } from './examples';
import type { Lang } from '../core/rules/types';
import type { Checked } from './check-file';
import { checkFiles, defaultJobs } from './pool';
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
  /** Files checked at once, each in its own worker thread (default: the number of cores). */
  jobs?: number;
}

// The core is loaded by the workers that check files (check-file.ts); the main thread needs it only for the examples.

/** The built-in example, rendered in memory and read through the same reader as any file. */
export async function checkExample(name: string, lang: Lang): Promise<Checked> {
  const file = exampleFile(name);
  const [{ draftToBuffer }, { EXAMPLES }, { checkRead }] = await Promise.all([import('../adapters/xlsx/write'), import('../core/examples'), import('./check-file')]);
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
    ? new (await import('cli-progress')).SingleBar({
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
  const jobs = opts.jobs ?? defaultJobs();
  /** Results in input order: the built-in examples (made in memory), then the files, checked by the pool. */
  async function* results(): AsyncGenerator<{ file: string; input: string | null; checked: Checked; bytes?: Buffer }> {
    for (const name of examples) {
      const file = exampleFile(name);
      bar?.update(reports.length, { file });
      const checked = await checkExample(name, lang);
      yield { file, input: null, checked, bytes: checked.read?.buffer };
    }
    const fileJobs = files.map((f) => ({ file: f, fullPath: path.resolve(cwd, f) }));
    let i = 0;
    for await (const r of checkFiles(fileJobs, { jobs, lang, wantBytes: opts.annotate !== undefined })) {
      const job = fileJobs[i++];
      yield { file: job.file, input: job.fullPath, checked: r, bytes: r.bytes };
    }
  }
  for await (const job of results()) {
    const { report } = job.checked;
    reports.push(report);
    bar?.update(reports.length, { file: job.file });
    if (report.error !== null) err(`${unreadableLine(report, lang)}\n`);
    if (opts.format === 'text' && report.error === null) out(formatTextFile(report, lang));
    if (opts.format === 'csv') out(formatCsvRows(report));
    if (opts.annotate && report.error === null && (formatOf(job.file)?.annotatable ?? true) && job.bytes) {
      const { AnnotateRefusedError, OutputExistsError, annotateFile, annotatedPath } = await import('../adapters/xlsx/annotate');
      const dir = path.resolve(cwd, opts.annotate);
      let target = annotatedPath(job.input ?? path.join(cwd, job.file), dir);
      for (let k = 2; outputs.has(target); k++) target = target.replace(/(?: \(\d+\))?\.검증\.(xls[xm])$/i, ` (${k}).검증.$1`);
      outputs.add(target);
      try {
        const written = await annotateFile(job.input ?? path.join(cwd, job.file), report.findings, dir, {
          inputs,
          buffer: job.bytes,
          output: target,
          force: opts.force,
          // The source as given, so same-named inputs from different folders are told apart.
          file: job.file,
          lang,
          sha256: report.sha256 ?? undefined,
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
    // Text and CSV are printed file by file: only the counts are kept, so memory stays flat in a long batch.
    if (opts.format !== 'json') reports[reports.length - 1] = { ...report, findings: [] };
  }
  bar?.update(reports.length, { file: '' });
  bar?.stop();
  for (const h of held) (h.to === 'out' ? io.stdout : io.stderr).write(h.text);

  if (opts.format === 'json') io.stdout.write(formatJson(reports));
  if (opts.format === 'text') io.stdout.write(formatTextSummary(reports, lang));
  return exitCodeOf(reports, troubles);
}
