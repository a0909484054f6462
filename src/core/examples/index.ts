/**
 * The built-in examples, by name: what `jobtarget template --example <name>` and the add-in's 예시 menu
 * offer. Each is a draft rendered through the same template path as a user's workbook.
 */
import type { PlanDraft } from '../model/draft';
import { incheonSeogu2023 } from './incheon-seogu-2023';
import { sejong2024 } from './sejong-2024';

export interface ExampleEntry {
  /** Menu / help text, Korean. */
  title: string;
  /** English title. */
  titleEn: string;
  draft: PlanDraft;
}

export const EXAMPLES: Record<string, ExampleEntry> = {
  'incheon-seogu-2023': {
    title: '인천광역시 서구 민선8기 일자리대책 종합계획 (2023~2026)',
    titleEn: 'Incheon Seo-gu job plan for the 8th term (2023–2026)',
    draft: incheonSeogu2023,
  },
  'sejong-2024': {
    title: '세종일자리경제진흥원 2024년 성과 (연차별 성과 예시)',
    titleEn: 'Sejong job agency results 2024 (annual results example)',
    draft: sejong2024,
  },
};

export { DEFAULT_EXAMPLE, EXAMPLE_NAMES } from './names';

/** The example of that name, or undefined (front ends list EXAMPLE_NAMES in the error). */
export function exampleDraft(name: string): PlanDraft | undefined {
  return Object.prototype.hasOwnProperty.call(EXAMPLES, name) ? EXAMPLES[name].draft : undefined;
}
