/** `jobtarget check`: read each input through its format's reader (src/adapters/inputs.ts), validate, report, annotate. */
import { promises as fs } from 'fs';
import * as path from 'path';
import { folderExtensions, readInput, formatOf } from '../adapters/inputs';
import { exampleBytes, exampleFile } from './examples';
import type { Lang } from '../core/rules/types';
import type { Checked, CheckSettings } from './check-file';
import { EMPTY_SUMMARY, bilingual } from './failed';
import { checkFiles, defaultJobs, maxJobs } from './pool';
import { tuneCompilerForMainThread } from './jit';
import { expandPaths, type NotRead } from './files';
import { EXIT, type CliIo, type ExitCode } from './io';
import { batchSummary, type FileReport, type FormatContext } from './formatters/types';
import type { FormatName } from './formatters/names';
import { NOT_READ_CODE, closingLine, plural } from './batch';
import { colorEnabled, painter } from './color';
import { writeReportFile } from './output';
import { onInterrupt } from './interrupt';
import type { RuleSetting } from '../core/config';

export type Format = FormatName;

export interface CheckOptions {
  format: Format;
  lang: Lang;
  annotate?: string;
  /** Replace existing annotated copies (never an input, never through a link). */
  force?: boolean;
  /** Names of built-in examples to check too. */
  examples?: string[];
  /** Severity per rule id (jobtarget.config.json and --rule); 'off' drops the rule. */
  severities?: Record<string, RuleSetting>;
  /** --quiet: report errors only (warnings and info are not reported or counted). */
  quiet?: boolean;
  /** --max-warnings N: more warnings than N make the run fail (exit 1). */
  maxWarnings?: number;
  /** -o FILE: the report goes to this file instead of stdout. */
  outputFile?: string;
  /** --color / --no-color; undefined: decided by the terminal and NO_COLOR. */
  color?: boolean;
  /** --verbose: the text report shows each finding's whole message, cells and figures. */
  verbose?: boolean;
  /** Files checked at once, each in its own worker thread (default: the number of cores). */
  jobs?: number;
}

// The core is loaded by the workers that check files (check-file.ts); the main thread needs it only for the examples.

/** A file found in a folder in a format that is not read: reported with the reason and what to do. */
export function notReadReport(n: NotRead, lang: Lang): FileReport {
  return { file: n.file, sha256: null, ok: false, error: bilingual(n.reason, lang), errorCode: NOT_READ_CODE, plan: null, summary: EMPTY_SUMMARY(), findings: [] };
}

/** The built-in example as shipped (assets/examples, see examples.ts), read through the same reader as any file. */
export async function checkExample(name: string, settings: CheckSettings | Lang): Promise<Checked> {
  const file = exampleFile(name);
  tuneCompilerForMainThread();
  const [buf, { checkRead }] = await Promise.all([exampleBytes(name), import('./check-file')]);
  const read = await readInput(buf, file);
  return { report: checkRead(file, read, settings), read };
}

/** 0 clean, 1 errors found (or more warnings than --max-warnings), 2 trouble; files not read from folders do not count. */
export function exitCodeOf(reports: readonly FileReport[], troubles = 0, maxWarnings?: number): ExitCode {
  if (troubles > 0 || reports.some((r) => r.error !== null && r.errorCode !== NOT_READ_CODE)) return EXIT.trouble;
  if (reports.some((r) => r.summary.error > 0)) return EXIT.findings;
  if (maxWarnings !== undefined && batchSummary(reports).warning > maxWarnings) return EXIT.findings;
  return EXIT.ok;
}

export async function runCheck(paths: string[], opts: CheckOptions, io: CliIo): Promise<ExitCode> {
  const cwd = io.cwd ?? process.cwd();
  const lang = opts.lang;
  const ko = lang === 'ko';
  const settings: CheckSettings = { lang, severities: opts.severities, quiet: opts.quiet };
  const { files, notRead, order, lockFiles, emptyFolders, unreadableFolders } = await expandPaths(paths, cwd);
  let troubles = 0;
  // File and folder names come from the disk: their control characters are shown escaped, never sent to the terminal.
  const { escapeControl } = await import('./formatters/text');
  for (const { folder, code } of unreadableFolders) {
    troubles += 1;
    io.stderr.write(ko ? `${escapeControl(folder)}: 폴더를 읽을 수 없습니다 (cannot list this folder: ${code})\n` : `${escapeControl(folder)}: cannot list this folder: ${code} (폴더를 읽을 수 없습니다)\n`);
  }
  // Text documents are read when named, never gathered from folders (a folder holds notes and exports too).
  const exts = folderExtensions().join(', ');
  for (const dir of emptyFolders) {
    io.stderr.write(
      ko
        ? `${escapeControl(dir)}: 폴더에 검사할 파일(${exts})이 없습니다 — 텍스트 문서(.txt, .tsv)는 파일 이름으로 주세요 (no files to check in this folder)\n`
        : `${escapeControl(dir)}: no files to check in this folder (${exts}); name text documents (.txt, .tsv) as files (폴더에 검사할 파일이 없습니다)\n`,
    );
  }
  const examples = opts.examples ?? [];
  const total = files.length + examples.length;
  // The format's module from the registry (formatters/index.ts); loaded here, not at start-up.
  const { getFormatter } = await import('./formatters');
  const { MAX_WIDTH, unreadableLine } = await import('./formatters/text');
  const formatter = getFormatter(opts.format);
  if (total === 0 && notRead.length === 0) {
    // A script reading the JSON still gets a report (of no file).
    if (formatter.whenEmpty && formatter.end) io.stdout.write(formatter.end([], { lang, paint: painter(false), width: MAX_WIDTH, verbose: false, lockFiles: lockFiles.length }));
    if (unreadableFolders.length) return EXIT.trouble;
    if (lockFiles.length) io.stderr.write(ko ? `Excel 잠금 파일(~$) ${lockFiles.length}개만 있습니다: 통합 문서를 닫고 원본을 검사하세요\n` : `only ${plural(lockFiles.length, 'Excel lock file')} (~$): close the workbook and check the original\n`);
    io.stderr.write(ko ? '검사할 .xlsx 파일이 없습니다 (no .xlsx files to check)\n' : 'no .xlsx files to check (검사할 .xlsx 파일이 없습니다)\n');
    return EXIT.trouble;
  }

  // The report goes to stdout, or is collected and written to -o FILE at the end (never half a file).
  const toFile = opts.outputFile !== undefined;
  if (toFile) {
    // `check plan.xlsx -o plan.xlsx`: the report would replace the workbook it is about. Refused before
    // anything is checked, by inode (a hard or symbolic link to an input counts too).
    const { protectedIdentities } = await import('../adapters/output');
    const target = path.resolve(cwd, opts.outputFile!);
    const ids = await protectedIdentities(files.map((f) => path.resolve(cwd, f)));
    const own = await protectedIdentities([target]);
    // A folder (`-o reports/`) would only fail once the whole batch is checked: said now.
    if ((await fs.stat(target).catch(() => null))?.isDirectory()) {
      const shown = path.relative(cwd, target) || target;
      io.stderr.write(
        ko
          ? `보고서 파일(-o)이 폴더입니다: ${shown} — 파일 이름을 주세요 (예: ${path.join(shown, 'report.json')}) (the report file (-o) is a folder: give a file name)\n`
          : `the report file (-o) is a folder: ${shown}; give a file name (e.g. ${path.join(shown, 'report.json')}) (보고서 파일(-o)이 폴더입니다)\n`,
      );
      return EXIT.trouble;
    }
    if ([...own].some((id) => ids.has(id))) {
      const shown = path.relative(cwd, target) || target;
      io.stderr.write(
        ko
          ? `보고서 파일(-o)이 검사할 파일입니다: ${shown} — 다른 이름을 주세요 (the report file (-o) is one of the files to check: ${shown}; give another name)\n`
          : `the report file (-o) is one of the files to check: ${shown}; give another name (보고서 파일(-o)이 검사할 파일입니다)\n`,
      );
      return EXIT.trouble;
    }
  }
  const paint = painter(colorEnabled({ flag: opts.color, env: io.env, stdoutIsTTY: io.stdoutIsTTY, toFile }));
  const report: string[] = [];
  // Lines fit the terminal when it is narrower than 120 columns; files and pipes get 120.
  const textWidth = !toFile && io.stdoutIsTTY && io.columns ? Math.max(60, Math.min(MAX_WIDTH, io.columns)) : MAX_WIDTH;

  // With a progress bar on the terminal, everything else waits until the bar is done.
  let showBar = total > 1 && io.isTTY === true;
  const held: { to: 'out' | 'err'; text: string }[] = [];
  const out = (text: string) => (toFile ? report.push(text) : showBar ? held.push({ to: 'out', text }) : io.stdout.write(text));
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
  bar?.start(total + notRead.length, 0, { file: '' });
  // Interrupted (Ctrl-C): the bar gives the terminal its cursor and line wrapping back.
  const forgetBar = bar ? onInterrupt(() => bar.stop()) : () => undefined;

  const ctx: FormatContext = { lang, paint, width: textWidth, verbose: opts.verbose ?? false, lockFiles: lockFiles.length };
  if (formatter.start) out(formatter.start(ctx));
  const reports: FileReport[] = [];
  const outputs = new Set<string>();
  const inputs = files.map((f) => path.resolve(cwd, f));
  let jobs = opts.jobs ?? defaultJobs();
  if (jobs > maxJobs()) {
    err(ko ? `--jobs ${jobs}: 코어 ${maxJobs() / 4}개에 맞춰 ${maxJobs()}개로 줄였습니다 (lowered to ${maxJobs()}, four per core)\n` : `--jobs ${jobs}: lowered to ${maxJobs()}, four per core (${maxJobs() / 4} cores; 코어당 4개까지)\n`);
    jobs = maxJobs();
  }
  /** Results in input order: the built-in examples (made in memory), then the files, checked by the pool. */
  async function* results(): AsyncGenerator<{ file: string; input: string | null; checked: Checked; bytes?: Buffer }> {
    for (const name of examples) {
      const file = exampleFile(name);
      bar?.update(reports.length, { file: escapeControl(file) });
      const checked = await checkExample(name, settings);
      yield { file, input: null, checked, bytes: checked.read?.buffer };
    }
    const fileJobs = files.map((f) => ({ file: f, fullPath: path.resolve(cwd, f) }));
    const checked = checkFiles(fileJobs, { jobs, lang, settings, wantBytes: opts.annotate !== undefined });
    let i = 0;
    try {
      // In the order found: a file not read takes its place among the checked ones.
      for (const entry of order) {
        if (entry.notRead) {
          yield { file: entry.file, input: null, checked: { report: notReadReport(entry.notRead, lang), read: null } };
          continue;
        }
        const next = await checked.next();
        if (next.done) break;
        const job = fileJobs[i++];
        yield { file: job.file, input: job.fullPath, checked: next.value, bytes: next.value.bytes };
      }
    } finally {
      await checked.return(undefined);
    }
  }
  for await (const job of results()) {
    const { report } = job.checked;
    reports.push(report);
    bar?.update(reports.length, { file: escapeControl(job.file) });
    if (report.error !== null && report.errorCode !== NOT_READ_CODE) err(`${unreadableLine(report, lang)}\n`);
    if (formatter.file) out(formatter.file(report, ctx));
    const annotatable = (formatOf(job.file)?.annotatable ?? true) && job.bytes !== undefined;
    if (opts.annotate && report.error === null && !annotatable) {
      const label = formatOf(job.file)?.label;
      err(ko ? `${escapeControl(job.file)}: ${label?.ko ?? '이 형식'}에는 검증 사본을 쓰지 않습니다\n` : `${escapeControl(job.file)}: no annotated copy for this format (${label?.en ?? 'unknown'})\n`);
    }
    // An annotated copy named as input (a shell glob `*.xlsx` run again over the folder it wrote into) is
    // checked, but gets no copy of its own: plan.검증.검증.xlsx, then .검증.검증.검증.xlsx, would pile up.
    const ownCopy = /\.검증\.xls[xm]$/i.test(job.file);
    if (opts.annotate && report.error === null && annotatable && ownCopy) {
      err(ko ? `${escapeControl(job.file)}: 검증 사본이어서 다시 사본을 쓰지 않았습니다\n` : `${escapeControl(job.file)}: an annotated copy itself, so no copy of it was written\n`);
    }
    if (opts.annotate && report.error === null && annotatable && !ownCopy && job.bytes) {
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
          progress: report.progress,
        });
        const shown = escapeControl(path.relative(cwd, written) || written);
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
              : `${ko ? '검증 사본을 쓰지 못했습니다' : 'could not write the annotated copy'}: ${shown} — ${writeFailure(e, opts.annotate, lang)}`;
        report.ok = false;
        report.annotateError = msg;
        err(`${escapeControl(job.file)}: ${escapeControl(msg)}\n`);
      }
    }
    // A format printed file by file keeps only what the closing line and the exit code need (the counts
    // and whether the file was read), so memory stays flat in a long batch.
    if (!formatter.needsFindings) {
      const { file, sha256, ok, error, errorCode, summary, accepted, progress } = report;
      reports[reports.length - 1] = { file, sha256, ok, error, errorCode, plan: null, progress, summary, findings: [], ...(accepted ? { accepted } : {}) };
    }
  }
  bar?.update(reports.length, { file: '' });
  bar?.stop();
  forgetBar();
  showBar = false;
  for (const h of held) (h.to === 'out' ? io.stdout : io.stderr).write(h.text);

  if (formatter.end) out(formatter.end(reports, ctx));

  const counts = batchSummary(reports, lockFiles.length);
  if (opts.maxWarnings !== undefined && counts.warning > opts.maxWarnings) {
    io.stderr.write(
      ko
        ? `경고 ${counts.warning}개가 --max-warnings ${opts.maxWarnings}을(를) 넘었습니다\n`
        : `${plural(counts.warning, 'warning')} found, more than --max-warnings ${opts.maxWarnings}\n`,
    );
  }
  if (toFile) {
    const target = path.resolve(cwd, opts.outputFile!);
    const shown = path.relative(cwd, target) || target;
    try {
      await writeReportFile(target, report.join(''));
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      io.stderr.write(ko ? `보고서를 쓰지 못했습니다: ${shown} (${code ?? (e as Error).message})\n` : `could not write the report: ${shown} (${code ?? (e as Error).message})\n`);
      return EXIT.trouble;
    }
    io.stderr.write(ko ? `보고서: ${shown} — ${closingLineOf(reports, lockFiles.length, lang)}\n` : `report: ${shown} — ${closingLineOf(reports, lockFiles.length, lang)}\n`);
  }
  if (total === 0) {
    // Only files in formats not read (every submission an .xls, say): nothing was checked, which is not a pass.
    const en = notRead.length === 1 ? 'the 1 file found is in a format not read' : `the ${plural(notRead.length, 'file')} found are in formats not read`;
    io.stderr.write(
      ko
        ? `검사할 파일이 없습니다: 찾은 파일 ${notRead.length}개가 모두 읽지 않는 형식입니다 (no file to check: ${en})\n`
        : `no file to check: ${en} (검사할 파일이 없습니다: 찾은 파일 ${notRead.length}개가 모두 읽지 않는 형식입니다)\n`,
    );
    return EXIT.trouble;
  }
  return exitCodeOf(reports, troubles, opts.maxWarnings);
}

/** Why a copy could not be written, in the user's terms (Node's own text names our temporary file and the system call). */
export function writeFailure(e: unknown, dir: string, lang: Lang): string {
  const code = (e as NodeJS.ErrnoException)?.code;
  const reasons: Record<string, [string, string]> = {
    EEXIST: [`--annotate ${dir}이(가) 폴더가 아니라 파일입니다 — 폴더를 주세요`, `--annotate ${dir} is a file, not a folder: give a folder`],
    ENOTDIR: [`--annotate ${dir}의 경로에 폴더가 아닌 파일이 있습니다 — 폴더를 주세요`, `a part of --annotate ${dir} is a file, not a folder: give a folder`],
    EACCES: ['폴더에 쓸 권한이 없습니다 — 권한을 확인하거나 다른 폴더를 주세요', 'no permission to write in the folder: check its permissions or give another folder'],
    EPERM: ['폴더에 쓸 권한이 없습니다 — 권한을 확인하거나 다른 폴더를 주세요', 'no permission to write in the folder: check its permissions or give another folder'],
    EROFS: ['읽기 전용 파일 시스템입니다 — 다른 폴더를 주세요', 'read-only file system: give another folder'],
    ENOSPC: ['디스크 공간이 부족합니다', 'no space left on the device'],
    EDQUOT: ['디스크 할당량을 넘었습니다', 'disk quota exceeded'],
    ENAMETOOLONG: ['파일 이름이 너무 깁니다', 'the file name is too long'],
  };
  const r = code ? reasons[code] : undefined;
  if (r) return lang === 'ko' ? `${r[0]} (${r[1]})` : `${r[1]} (${r[0]})`;
  return code ?? (e instanceof Error ? e.message : String(e));
}

function closingLineOf(reports: readonly FileReport[], lockFiles: number, lang: Lang): string {
  return closingLine(batchSummary(reports, lockFiles), lang);
}
