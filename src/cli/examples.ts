/** The built-in examples as the CLI names them: `--example [NAME]`. */
import { DEFAULT_EXAMPLE, EXAMPLE_NAMES } from '../core/examples/names';
import { UsageError } from './io';

export const EXAMPLE_HELP = EXAMPLE_NAMES.join(', ');

/** File name of an example in reports and as the template's default output. */
export function exampleFile(name: string): string {
  return `jobtarget-example-${name}.xlsx`;
}

export function resolveExample(name: string): string {
  if (!EXAMPLE_NAMES.includes(name)) {
    throw new UsageError(`예시 이름을 모릅니다: ${name} — 쓸 수 있는 이름: ${EXAMPLE_HELP} (unknown example: ${name}; known: ${EXAMPLE_HELP})`);
  }
  return name;
}

/**
 * `--example [NAME]` takes an optional value, so `check --example plan.xlsx` hands the path to the
 * option: a value that is not an example's name goes back to the paths.
 */
export function splitExampleArgs(paths: string[], example: boolean | string | undefined): { paths: string[]; examples: string[] } {
  if (example === undefined || example === false) return { paths, examples: [] };
  if (example === true) return { paths, examples: [DEFAULT_EXAMPLE] };
  if (EXAMPLE_NAMES.includes(example)) return { paths, examples: [example] };
  return { paths: [example, ...paths], examples: [DEFAULT_EXAMPLE] };
}
