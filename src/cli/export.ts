/**
 * `jobtarget export PLAN -o tables.hwpx`: the disclosure tables of a plan (any input `check` reads: a
 * workbook, a text or 한글 document; or a built-in example with --example NAME) as a 한글 document, formatted like the published plans, for
 * officials to copy into the plan document.
 */
import { promises as fs } from 'fs';
import * as path from 'path';
import { writeHwpx } from '../adapters/hwpx/write';
import { readInput } from '../adapters/inputs';
import { InputReadError } from '../adapters/read-error';
import { OutputExistsError, OutputIsInputError, writeOutputFile } from '../adapters/output';
import { outputTarget } from './template';
import { draftFromPlan, documentTitle } from '../core/document/from-plan';
import { hasPlanTables, renderDocument } from '../core/document/render';
import { DEFAULT_EXAMPLE, EXAMPLES } from '../core/examples';
import type { GridWorkbook } from '../core/grid/grid';
import type { PlanDraft } from '../core/model/draft';
import { readPlan } from '../core/template/read';
import { resolveExample } from './examples';
import { EXIT, UsageError, type CliIo, type ExitCode } from './io';

export interface ExportOptions {
  example?: boolean | string;
  output?: string;
  force?: boolean;
}

export async function runExport(plan: string | undefined, opts: ExportOptions, io: CliIo): Promise<ExitCode> {
  const cwd = io.cwd ?? process.cwd();
  if (plan && opts.example) throw new UsageError('PLAN 파일과 --example 중 하나만 주세요 (give either a PLAN file or --example, not both)');
  if (!plan && !opts.example) {
    throw new UsageError(
      [
        '내보낼 계획을 주세요: 통합 문서, 한글·텍스트 문서 또는 --example (give the plan to export: a workbook, a 한글 or text document, or --example).',
        '  예 (e.g.):  jobtarget export 계획.xlsx -o 공시표.hwpx',
        '              jobtarget export --example -o 예시.hwpx',
      ].join('\n'),
    );
  }
  let draft: PlanDraft;
  let defaultName: string;
  /** The plan read: the document may never be written over it (by inode), whatever --force says. */
  let input: string | undefined;
  if (opts.example) {
    const name = resolveExample(opts.example === true ? DEFAULT_EXAMPLE : opts.example);
    draft = EXAMPLES[name].draft;
    defaultName = `jobtarget-example-${name}.hwpx`;
  } else {
    input = path.resolve(cwd, plan!);
    let grid: GridWorkbook;
    try {
      grid = (await readInput(input, plan)).grid;
    } catch (e) {
      if (e instanceof InputReadError) {
        io.stderr.write(`${plan}: ${e.message}\n`);
        return EXIT.trouble;
      }
      throw e;
    }
    const { plan: read, problems } = readPlan(grid);
    const fatal = problems.find((p) => p.level === 'fatal');
    if (fatal) {
      io.stderr.write(`${plan}: ${fatal.message} (${fatal.messageEn})\n`);
      return EXIT.trouble;
    }
    const missed = problems.filter((p) => p.level === 'table').length;
    if (missed) {
      io.stderr.write(`${plan}: 표 일부를 읽지 못했습니다 (${missed}건) — 읽은 표만 내보냅니다; 'jobtarget check'로 확인하세요 (${missed} parts of the tables could not be read; exporting what was read — see 'jobtarget check')\n`);
    }
    draft = draftFromPlan(read, documentTitle(read));
    defaultName = `${path.basename(plan!).replace(/\.[^.]+$/, '')}.공시표.hwpx`;
  }
  if (!hasPlanTables(draft)) {
    io.stderr.write('내보낼 종합계획 표(공통 일자리 목표, 분야별 목표, 실천과제)가 없습니다 (no plan tables to export: 공통 일자리 목표, 분야별 목표, 실천과제)\n');
    return EXIT.trouble;
  }
  // -o as for `template`: a folder gets the default name, a name without .hwpx gets it, another format's is refused.
  const target = await outputTarget(opts.output, defaultName, cwd, { ext: '.hwpx', ko: '한글 문서는', en: 'the document is' });
  if ('problem' in target) {
    io.stderr.write(`${target.problem.ko} (${target.problem.en})\n`);
    return EXIT.trouble;
  }
  const file = target.file;
  const shown = path.relative(cwd, file) || file;
  const model = renderDocument(draft);
  const bytes = writeHwpx(model);
  try {
    await writeOutputFile(file, Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), { force: opts.force, protect: input ? [input] : [] });
  } catch (e) {
    if (e instanceof OutputIsInputError) {
      io.stderr.write(`내보낼 파일이 읽은 계획 파일입니다: ${shown} — 다른 이름을 주세요 (the output is the plan being exported: ${shown}; give another name)\n`);
      return EXIT.trouble;
    }
    if (e instanceof OutputExistsError) {
      io.stderr.write(`파일이 이미 있습니다: ${shown} — 덮어쓰려면 --force를 붙이세요 (file exists: ${shown}; add --force to overwrite)\n`);
      return EXIT.trouble;
    }
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? '폴더가 없습니다 (folder does not exist)' : code === 'EACCES' ? '쓸 권한이 없습니다 (permission denied)' : (e as Error).message;
    io.stderr.write(`파일을 쓰지 못했습니다: ${shown} — ${why} (could not write the file)\n`);
    return EXIT.trouble;
  }
  const tables = model.blocks.filter((b) => b.kind === 'table').length;
  io.stdout.write(`한글 문서로 공시 표 ${tables}개를 내보냈습니다: ${shown} (exported ${tables} tables as a 한글 document: ${shown})\n`);
  return EXIT.ok;
}
