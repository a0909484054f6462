/**
 * The `jobtarget` command line: `template` and `check`. `main(argv, io)` runs in-process with
 * injectable output streams (tests call it directly); src/cli/main.ts calls it with the real process.
 */
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import type { Lang } from '../core/rules/types';
import type { Format } from './check';
import { EXIT, UsageError, type CliIo, type ExitCode } from './io';
import { EXAMPLE_HELP, splitExampleArgs } from './examples';

const VERSION = '0.1.0';

function integer(name: string) {
  return (value: string): number => {
    if (!/^\d+$/.test(value.trim())) throw new InvalidArgumentError(`${name}은(는) 정수여야 합니다 (${name} must be an integer): ${value}`);
    return Number(value);
  };
}

function positive(name: string) {
  const parse = integer(name);
  return (value: string): number => {
    const n = parse(value);
    if (n < 1) throw new InvalidArgumentError(`${name}은(는) 1 이상이어야 합니다 (${name} must be at least 1): ${value}`);
    return n;
  };
}

const NEEDS_PATH = [
  '검사할 .xlsx 파일이나 폴더를 주세요 (give the .xlsx files or folders to check).',
  '  예 (e.g.):  jobtarget check 계획.xlsx',
  '              jobtarget check 제출본/ --format json',
  '              jobtarget check --example        # 내장 예시 (the built-in example)',
  '',
].join('\n');

export function buildProgram(io: CliIo, done: (code: ExitCode) => void): Command {
  const program = new Command('jobtarget');
  program
    .description('지역일자리 목표 공시제 종합계획 서식 작성·검증 도구 (job-target disclosure plans: template and auditor)')
    .version(VERSION, '-V, --version', '버전 (version)')
    .helpOption('-h, --help', '도움말 (help)')
    .configureOutput({
      writeOut: (s) => io.stdout.write(s),
      writeErr: (s) => io.stderr.write(s),
    })
    .exitOverride()
    .showHelpAfterError('(도움말: jobtarget --help)')
    .helpCommand('help [command]', '명령 도움말 (help for a command)');

  program
    .command('template')
    .description('빈 서식(기본 2027~2030) 또는 내장 예시를 .xlsx로 씁니다 (write the blank template or the example)')
    .option('--example [NAME]', `내장 예시를 씁니다, 기본 incheon-seogu-2023 (write a built-in example, its figures as stated): ${EXAMPLE_HELP}`)
    .option('--start-year <YYYY>', '계획기간 시작연도, 기본 2027 (first plan year)', integer('--start-year'))
    .option('--years <N>', '계획기간 연수, 기본 4 (number of plan years)', integer('--years'))
    .option('--results <YYYY>', '그 해의 성과·연차별 세부계획 시트도 씁니다 (also write the 성과 and 연차별 세부계획 sheets of that plan year)', integer('--results'))
    .option('-o, --output <FILE>', '출력 파일 (output file; default jobtarget-template-<start>-<end>.xlsx)')
    .option('--force', '있는 파일을 덮어씁니다 (overwrite an existing file)')
    .action(async (o: { example?: boolean | string; startYear?: number; years?: number; output?: string; force?: boolean; results?: number }) => {
      // Each command loads its own modules: `--version` and `check` never load the workbook writer.
      const { runTemplate } = await import('./template');
      done(await runTemplate(o, io));
    });

  program
    .command('check')
    .description('통합 문서를 검증합니다: 파일 또는 폴더(하위 폴더의 *.xlsx 포함) (check workbooks: files or folders, recursively *.xlsx)')
    .argument('[PATH...]', '검사할 파일 또는 폴더 (files or folders)')
    .addOption(new Option('--format <format>', '보고서 형식 (report format)').choices(['text', 'json', 'csv']).default('text'))
    .option('--annotate <DIR>', '칠하고 메모를 단 검증 사본을 DIR에 씁니다 (write annotated copies into DIR)')
    .option('--force', '--annotate: 이미 있는 검증 사본을 바꿉니다; 입력 파일은 절대 쓰지 않습니다 (replace existing annotated copies; inputs are never written)')
    .addOption(new Option('--lang <lang>', '메시지 언어 (message language)').choices(['ko', 'en']).default('ko'))
    .option('--example [NAME]', `내장 예시도 검사합니다 (also check a built-in example): ${EXAMPLE_HELP}`)
    .option('--jobs <N>', '동시에 검사할 파일 수, 파일마다 작업 스레드 하나; 기본은 CPU 코어 수 (files checked at once, each in its own worker thread; default: the number of cores)', positive('--jobs'))
    .action(async (given: string[], o: { format: Format; annotate?: string; force?: boolean; lang: Lang; example?: boolean | string; jobs?: number }) => {
      // `check --example plan.xlsx`: a value that is not an example's name is a PATH.
      const { paths, examples } = splitExampleArgs(given, o.example);
      if (paths.length === 0 && examples.length === 0) {
        io.stderr.write(NEEDS_PATH);
        done(EXIT.trouble);
        return;
      }
      const { runCheck } = await import('./check');
      done(await runCheck(paths, { format: o.format, lang: o.lang, annotate: o.annotate, force: o.force, examples, jobs: o.jobs }, io));
    });

  program
    .command('export')
    .description('공시 표를 한글(.hwpx) 문서로 내보냅니다 (export the disclosure tables as a 한글 .hwpx document)')
    .argument('[PLAN]', '통합 문서(.xlsx) 또는 한글 문서(.hwpx) (a workbook or a 한글 document)')
    .option('--example [NAME]', `내장 예시를 내보냅니다 (export a built-in example): ${EXAMPLE_HELP}`)
    .option('-o, --output <FILE>', '출력 파일 (output .hwpx; default <PLAN>.공시표.hwpx)')
    .option('--force', '있는 파일을 덮어씁니다 (overwrite an existing file)')
    .action(async (plan: string | undefined, o: { example?: boolean | string; output?: string; force?: boolean }) => {
      const { runExport } = await import('./export');
      done(await runExport(plan, o, io));
    });

  return program;
}

/** Runs the CLI with user arguments (no 'node' and script name) and returns the exit code. */
export async function main(argv: string[], io: CliIo): Promise<ExitCode> {
  let code: ExitCode = EXIT.ok;
  const program = buildProgram(io, (c) => {
    code = c;
  });
  if (argv.length === 0) {
    program.outputHelp();
    return EXIT.trouble;
  }
  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch (e) {
    if (e instanceof CommanderError) {
      // Help and version are not errors; anything else commander rejects is bad usage.
      return e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.code === 'commander.help' ? EXIT.ok : EXIT.trouble;
    }
    if (e instanceof UsageError) {
      io.stderr.write(`${e.message}\n`);
      return EXIT.trouble;
    }
    const msg = e instanceof Error ? e.message : String(e);
    io.stderr.write(`jobtarget: 예기치 못한 오류 (unexpected error): ${msg}\n`);
    return EXIT.trouble;
  }
  return code;
}
