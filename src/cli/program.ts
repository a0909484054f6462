/**
 * The `jobtarget` command line: `template` and `check`. `main(argv, io)` runs in-process with
 * injectable output streams (tests call it directly); src/cli/main.ts calls it with the real process.
 */
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import type { Lang } from '../core/rules/types';
import type { Format } from './check';
import { FORMAT_NAMES } from './formatters/names';
import { EXIT, UsageError, type CliIo, type ExitCode } from './io';
import { EXAMPLE_HELP, splitExampleArgs } from './examples';
import { ConfigError } from '../core/config';
import { displayWidth } from './width';

const VERSION = '0.1.0';


/** Korean or English, chosen before parsing so help and commander's own errors speak the run's language. */
export function langOfArgs(argv: readonly string[]): Lang {
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--') break;
    if (argv[i] === '--lang' && argv[i + 1] === 'en') return 'en';
    if (argv[i] === '--lang=en') return 'en';
  }
  return 'ko';
}

/** A whole number of at least `min`; one message for text, fractions and numbers below it ("--jobs abc" and "--jobs 0" alike). */
function integer(name: string, lang: Lang, min = 0) {
  return (value: string): number => {
    const v = value.trim();
    if (!/^\d+$/.test(v) || Number(v) < min) throw new InvalidArgumentError(lang === 'ko' ? `${name}은(는) ${min} 이상의 정수여야 합니다: ${value}` : `${name} must be a whole number of at least ${min}: ${value}`);
    return Number(v);
  };
}

const collect = (value: string, previous: string[] = []): string[] => [...previous, value];

const NEEDS_PATH = {
  ko: [
    '검사할 파일(.xlsx, .xlsm, .hwpx, .txt)이나 폴더를 주세요.',
    '  예:  jobtarget check 계획.xlsx',
    '       jobtarget check 제출본/ --format json -o 결과.json',
    '       jobtarget check --example        # 내장 예시',
    '',
  ].join('\n'),
  en: [
    'Give the files (.xlsx, .xlsm, .hwpx, .txt) or folders to check.',
    '  e.g.  jobtarget check plan.xlsx',
    '        jobtarget check submissions/ --format json -o results.json',
    '        jobtarget check --example        # the built-in example',
    '',
  ].join('\n'),
};

/** Commander's own messages in Korean (its English is kept for --lang en). */
export function koreanCommanderMessage(text: string): string {
  return text
    .replace(/^error: unknown option '([^']+)'/m, "오류: 모르는 옵션입니다: '$1'")
    .replace(/^error: unknown command '([^']+)'/m, "오류: 모르는 명령입니다: '$1'")
    .replace(/^error: option '([^']+)' argument '([^']*)' is invalid\. Allowed choices are (.+)\.$/m, "오류: 옵션 '$1'에 '$2'은(는) 쓸 수 없습니다. 쓸 수 있는 값: $3")
    .replace(/^error: option '([^']+)' argument '([^']*)' is invalid\./m, "오류: 옵션 '$1'의 값 '$2'이(가) 올바르지 않습니다.")
    .replace(/^error: option '([^']+)' argument missing/m, "오류: 옵션 '$1'에 값이 필요합니다")
    .replace(/^error: missing required argument '([^']+)'/m, "오류: '$1'이(가) 필요합니다")
    .replace(/^error: too many arguments(?: for '([^']+)')?\. Expected (\d+) arguments? but got (\d+)\./m, '오류: 인자가 너무 많습니다 ($2개까지 받는데 $3개를 받았습니다).')
    .replace(/\(Did you mean one of ([^?]+)\?\)/, '(혹시 $1 중 하나인가요?)')
    .replace(/\(Did you mean ([^?]+)\?\)/, '(혹시 $1인가요?)')
    .replace(/^error: /m, '오류: ');
}

const HELP_TITLES: Record<string, string> = { 'Usage:': '사용법:', 'Arguments:': '인자:', 'Options:': '옵션:', 'Commands:': '명령:' };

export interface CheckCommandOptions {
  format: Format;
  annotate?: string;
  lang: Lang;
  example?: boolean | string;
  quiet?: boolean;
  maxWarnings?: number;
  outputFile?: string;
  rule?: string[];
  config?: string;
  configLookup?: boolean;
  color?: boolean;
  verbose?: boolean;
  force?: boolean;
  jobs?: number;
}

export function buildProgram(io: CliIo, done: (code: ExitCode) => void, lang: Lang = 'ko'): Command {
  const ko = lang === 'ko';
  const t = (k: string, e: string) => (ko ? k : e);
  const program = new Command('jobtarget');
  program
    .description(t('지역일자리 목표 공시제 종합계획 서식을 만들고 검증합니다', 'job-target disclosure plans: write the template, check workbooks'))
    .version(VERSION, '-V, --version', t('버전을 보여 줍니다', 'show the version'))
    .helpOption('-h, --help', t('도움말을 보여 줍니다', 'show help'))
    .configureOutput({
      writeOut: (s) => io.stdout.write(s),
      writeErr: (s) => io.stderr.write(s),
      outputError: (s, write) => write(ko ? koreanCommanderMessage(s) : s),
    })
    .configureHelp({
      helpWidth: 80,
      // Hangul is two columns wide: commander wraps and pads by display width, not by string length.
      displayWidth,
      styleTitle: (s: string) => (ko ? HELP_TITLES[s] ?? s : s),
      optionDescription: (o: Option) => {
        const extra: string[] = [];
        if (o.argChoices) extra.push(`${t('값', 'one of')}: ${o.argChoices.join(', ')}`);
        if (o.defaultValue !== undefined && !o.negate) extra.push(`${t('기본', 'default')}: ${o.defaultValueDescription ?? String(o.defaultValue)}`);
        return extra.length ? `${o.description} (${extra.join('; ')})` : o.description;
      },
    })
    .exitOverride()
    .showHelpAfterError(t('(도움말: jobtarget --help)', '(help: jobtarget --help)'))
    .helpCommand('help [command]', t('명령의 도움말을 보여 줍니다', 'show help for a command'));

  program
    .command('template')
    .description(t('빈 서식(기본 2027~2030) 또는 내장 예시를 .xlsx로 씁니다', 'write the blank template (default 2027–2030) or a built-in example as .xlsx'))
    .option('--example [NAME]', t(`내장 예시를 씁니다: ${EXAMPLE_HELP}`, `write a built-in example: ${EXAMPLE_HELP}`))
    .option('--start-year <YYYY>', t('계획기간 시작연도, 기본 2027', 'first plan year, default 2027'), integer('--start-year', lang))
    .option('--years <N>', t('계획기간 연수, 기본 4', 'number of plan years, default 4'), integer('--years', lang, 1))
    .option('--results <YYYY>', t('그 해의 성과·연차별 세부계획 시트도 씁니다', 'also write that year\'s results sheets (성과, 연차별 세부계획)'), integer('--results', lang))
    .option('-o, --output <FILE>', t('출력 파일 또는 있는 폴더 (기본 jobtarget-template-시작-끝.xlsx)', 'output file or existing folder (default jobtarget-template-START-END.xlsx)'))
    .option('--force', t('있는 파일을 덮어씁니다', 'overwrite an existing file'))
    .addOption(new Option('--lang <lang>', t('메시지 언어 (통합 문서는 언제나 한국어 서식)', 'language of the messages (the workbook is the Korean form either way)')).choices(['ko', 'en']).default('ko'))
    .action(async (o: { example?: boolean | string; startYear?: number; years?: number; output?: string; force?: boolean; results?: number; lang: Lang }) => {
      // Each command loads its own modules: `--version` and `check` never load the workbook writer.
      const { runTemplate } = await import('./template');
      done(await runTemplate(o, io));
    });

  program
    .command('check')
    .description(t('통합 문서를 검증합니다: 파일 또는 폴더(하위 폴더의 .xlsx, .xlsm, .hwpx 포함)', 'check workbooks: files, or folders (.xlsx, .xlsm and .hwpx, recursively)'))
    .argument('[PATH...]', t('검사할 파일 또는 폴더', 'files or folders to check'))
    .addOption(new Option('--format <format>', t('보고서 형식', 'report format')).choices([...FORMAT_NAMES]).default('text'))
    .option('-o, --output-file <FILE>', t('보고서를 화면 대신 이 파일에 씁니다', 'write the report to this file instead of stdout'))
    .option('--quiet', t('오류만 보고합니다 (경고·정보 생략)', 'report errors only (no warnings or info)'))
    .option('--max-warnings <N>', t('경고가 N개를 넘으면 종료 코드 1', 'exit with 1 when there are more than N warnings'), integer('--max-warnings', lang))
    .option('--rule <RULE:SEVERITY>', t('규칙의 심각도: off, info, warning, error (여러 번 가능)', 'set a rule\'s severity: off, info, warning, error (repeatable)'), collect)
    .option('-c, --config <FILE>', t('설정 파일 (기본: 위로 찾은 jobtarget.config.json)', 'settings file (default: nearest jobtarget.config.json)'))
    .option('--no-config-lookup', t('jobtarget.config.json을 찾지 않습니다', 'do not look for jobtarget.config.json'))
    .option('--color', t('색을 씁니다 (기본: 터미널이면, NO_COLOR가 없으면)', 'colour the report (default: on a terminal, unless NO_COLOR)'))
    .option('--no-color', t('색을 쓰지 않습니다', 'no colour'))
    .option('--verbose', t('text 보고서에 메시지 전문·셀·수치를 함께 보입니다', 'text report: each finding\'s whole message, cells and figures'))
    .option('--annotate <DIR>', t('칠하고 메모를 단 검증 사본을 DIR에 씁니다', 'write annotated copies into DIR'))
    .option('--force', t('--annotate: 있는 검증 사본을 바꿉니다 (입력 파일은 쓰지 않음)', '--annotate: replace existing annotated copies (inputs are never written)'))
    .addOption(new Option('--lang <lang>', t('메시지 언어', 'message language')).choices(['ko', 'en']).default('ko'))
    .option('--example [NAME]', t(`내장 예시도 검사합니다: ${EXAMPLE_HELP}`, `also check a built-in example: ${EXAMPLE_HELP}`))
    .option('--jobs <N>', t('동시에 검사할 파일 수 (파일마다 작업 스레드 하나; 기본: CPU 코어 수)', 'files checked at once, each in a worker thread (default: the number of cores)'), integer('--jobs', lang, 1))
    .action(async (given: string[], o: CheckCommandOptions) => {
      // `check --example plan.xlsx`: a value that is not an example's name is a PATH.
      const { paths, examples } = splitExampleArgs(given, o.example);
      if (paths.length === 0 && examples.length === 0) {
        io.stderr.write(NEEDS_PATH[o.lang]);
        done(EXIT.trouble);
        return;
      }
      const cwd = io.cwd ?? process.cwd();
      let config;
      try {
        const { loadConfig } = await import('./config');
        config = await loadConfig({ config: o.config, configLookup: o.configLookup, rule: o.rule }, cwd);
      } catch (e) {
        if (e instanceof ConfigError) throw new UsageError(e.problems.map((p) => `${e.where}: ${o.lang === 'ko' ? p.ko : p.en}`).join('\n'));
        throw e;
      }
      const { runCheck } = await import('./check');
      done(
        await runCheck(
          paths,
          {
            format: o.format,
            lang: o.lang,
            annotate: o.annotate,
            force: o.force,
            examples,
            severities: config.rules,
            quiet: o.quiet,
            maxWarnings: o.maxWarnings,
            outputFile: o.outputFile,
            color: o.color,
            verbose: o.verbose,
            jobs: o.jobs,
          },
          io,
        ),
      );
    });

  program
    .command('export')
    .description(t('공시 표를 한글(.hwpx) 문서로 내보냅니다', 'export the disclosure tables as a 한글 .hwpx document'))
    .argument('[PLAN]', t('check가 읽는 계획: 통합 문서, 한글 문서(.hwpx), 텍스트 문서', 'a plan check reads: a workbook, a 한글 document (.hwpx), a text document'))
    .option('--example [NAME]', t(`내장 예시를 내보냅니다: ${EXAMPLE_HELP}`, `export a built-in example: ${EXAMPLE_HELP}`))
    .option('-o, --output <FILE>', t('출력 파일 (기본 <PLAN>.공시표.hwpx)', 'output .hwpx (default <PLAN>.공시표.hwpx)'))
    .option('--force', t('있는 파일을 덮어씁니다', 'overwrite an existing file'))
    .action(async (plan: string | undefined, o: { example?: boolean | string; output?: string; force?: boolean }) => {
      const { runExport } = await import('./export');
      done(await runExport(plan, o, io));
    });

  return program;
}

/** Runs the CLI with user arguments (no 'node' and script name) and returns the exit code. */
export async function main(argv: string[], io: CliIo): Promise<ExitCode> {
  let code: ExitCode = EXIT.ok;
  const lang = langOfArgs(argv);
  const program = buildProgram(
    io,
    (c) => {
      code = c;
    },
    lang,
  );
  if (argv.length === 0) {
    program.outputHelp();
    return EXIT.trouble;
  }
  // `help nope`: commander shows the general help and succeeds; a command that does not exist is bad usage.
  if (argv[0] === 'help' && argv[1] !== undefined && !argv[1].startsWith('-') && !program.commands.some((c) => c.name() === argv[1] || c.aliases().includes(argv[1]))) {
    const text = `error: unknown command '${argv[1]}'`;
    io.stderr.write(`${lang === 'ko' ? koreanCommanderMessage(text) : text}\n`);
    program.outputHelp({ error: true });
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
    io.stderr.write(lang === 'ko' ? `jobtarget: 예기치 못한 오류: ${msg}\n` : `jobtarget: unexpected error: ${msg}\n`);
    return EXIT.trouble;
  }
  return code;
}
