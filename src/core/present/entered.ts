/**
 * How much of a plan was entered, in the reports' words (core/progress.ts counts it): a blank template
 * is "빈 서식: 입력된 값이 없습니다", a partly entered plan "세부사업 15개 중 3개 · 공통 일자리 목표 6개 중 0개
 * 입력". A complete plan gets no words: a reviewer sees these only where something is missing, so an
 * empty submission is never shown like a clean one. Light (types only), for the CLI's formatters in the main thread and the 검증결과 sheet.
 */
import type { Progress } from '../progress';
import type { Lang } from '../rules/types';

export type { Progress };

/** Nothing entered at all: the plan is a blank template. */
export function isBlank(p: Progress | null | undefined): boolean {
  return p?.untouched === true;
}

/** Something entered, but not every 세부사업 and 공통 일자리 목표. */
export function isPartlyEntered(p: Progress | null | undefined): boolean {
  return !!p && !p.untouched && (p.subprojects.entered < p.subprojects.total || p.indicators.entered < p.indicators.total);
}

const WORDS = {
  ko: { blank: '빈 서식: 입력된 값이 없습니다', clean: '입력한 값은 문제없음' },
  en: { blank: 'blank template: nothing entered', clean: 'no problems in what was entered' },
};

/** "빈 서식: 입력된 값이 없습니다" / "blank template: nothing entered". */
export function blankText(lang: Lang): string {
  return WORDS[lang].blank;
}

/** "입력한 값은 문제없음": what a partly entered plan without findings is told after its progress. */
export function partlyCleanText(lang: Lang): string {
  return WORDS[lang].clean;
}

/** "세부사업 15개 중 3개 · 공통 일자리 목표 6개 중 0개 입력" / "3 of 15 세부사업 · 0 of 6 common job targets entered". */
export function enteredText(p: Progress, lang: Lang): string {
  const parts: string[] = [];
  const { subprojects: s, indicators: i } = p;
  if (lang === 'ko') {
    if (s.total) parts.push(`세부사업 ${s.total}개 중 ${s.entered}개`);
    if (i.total) parts.push(`공통 일자리 목표 ${i.total}개 중 ${i.entered}개`);
    return `${parts.join(' · ')} 입력`;
  }
  if (s.total) parts.push(`${s.entered} of ${s.total} 세부사업`);
  if (i.total) parts.push(`${i.entered} of ${i.total} common job target${i.total === 1 ? '' : 's'}`);
  return `${parts.join(' · ')} entered`;
}

/** What the reports say of a plan's progress: the blank or partly entered words, or null for a complete plan (or no plan). */
export function progressWords(p: Progress | null | undefined, lang: Lang): string | null {
  if (isBlank(p)) return blankText(lang);
  return isPartlyEntered(p) ? enteredText(p!, lang) : null;
}
