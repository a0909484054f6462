/**
 * Words for message data that differ by language: the parts a rule builds a "what" from (roles, 합계,
 * years, units) and figures whose sign is written differently (△1 in Korean, -1 in English). Names from
 * the plan (areas, tasks, 세부사업, indicators, sheets) are the same in both languages and stay strings.
 */
import type { Bilingual, Lang } from './types';
import { fmt } from './sums';

/** A name (one string for both languages) or a text with a Korean and an English form. */
export type Words = string | Bilingual;

export const bi = (ko: string, en: string): Bilingual => ({ ko, en });

export function wordsIn(w: Words, lang: Lang): string {
  return typeof w === 'string' ? w : w[lang];
}

/** Joins pieces with `sep` in each language; all-string pieces give a plain string. */
export function joinWords(parts: readonly Words[], sep = ' '): Words {
  // A plain loop: rules join words for every figure they describe.
  let ko = '';
  let en = '';
  let bilingual = false;
  for (let i = 0; i < parts.length; i++) {
    const p = parts[i];
    if (i > 0) {
      ko += sep;
      en += sep;
    }
    if (typeof p === 'string') {
      ko += p;
      en += p;
    } else {
      ko += p.ko;
      en += p.en;
      bilingual = true;
    }
  }
  return bilingual ? { ko, en } : ko;
}

export type Role = 'target' | 'budget';
export const ROLE_WORDS: Record<Role, Bilingual> = { target: bi('성과목표', 'target'), budget: bi('소요예산', 'budget') };
/** Column labels of the 성과 and 연차별 세부계획 sheets. */
export const RESULT_COLUMN_WORDS = {
  target: bi('목표', 'target'),
  actual: bi('실적', 'actual'),
  rate: bi('달성률', 'achievement rate'),
  planTarget: bi('성과목표', 'target'),
  budget: bi('소요예산', 'budget'),
} as const;

/** The 합계 column of a row. */
export const TOTAL_WORDS = bi('합계', 'total');
/** A 실천과제's 총계 row. */
export const TASK_TOTAL_WORDS = bi('총계', 'total');
/** The 분야별 목표 합계 row. */
export const GRAND_TOTAL_WORDS = bi('분야별 목표 합계', 'grand total of 분야별 목표');

const YEARS = new Map<number, Bilingual>();

/** "2023년" / "2023" (one object per year, shared: the rules name a year for every figure). */
export function yearWords(year: number): Bilingual {
  let w = YEARS.get(year);
  if (!w) YEARS.set(year, (w = bi(`${year}년`, String(year))));
  return w;
}

/** English for the units the plans use; other units are names and stay as written. */
const UNIT_EN: Record<string, string> = {
  명: 'people',
  원: 'KRW',
  천원: 'thousand KRW',
  백만원: 'million KRW',
  억원: 'hundred million KRW',
  개: 'units',
  개소: 'sites',
  개사: 'companies',
  개社: 'companies',
  건: 'cases',
  회: 'times',
  곳: 'places',
  팀: 'teams',
  가구: 'households',
  일: 'days',
  시간: 'hours',
  과정: 'courses',
  학기: 'semesters',
  개월: 'months',
  호: 'units',
  척: 'vessels',
  대: 'vehicles',
};

/** A unit in `lang`: '백만원' → 'million KRW'; '%', '%p' and units without an English word stay. */
export function unitIn(unit: string, lang: Lang): string {
  if (lang === 'ko') return unit;
  return UNIT_EN[unit.replace(/\s+/g, '')] ?? unit;
}

export function unitWords(unit: string): Words {
  const en = unitIn(unit, 'en');
  return en === unit ? unit : bi(unit, en);
}

/** An amount with its unit: "120백만원" / "120 million KRW", "70.6%". */
export function quantityWords(amount: Words, unit: string): Words {
  if (!unit) return amount;
  if (unit.startsWith('%')) return joinWords([amount, unit], '');
  return bi(`${wordsIn(amount, 'ko')}${unit}`, `${wordsIn(amount, 'en')} ${unitIn(unit, 'en')}`);
}

/** A figure for a message (fmt): negatives are △1 in Korean and -1 in English. */
export function figureWords(x: number): Words {
  return figureTextWords(fmt(x));
}

/** A figure already written the Korean way ("△1,234"): English gets a minus sign. */
export function figureTextWords(s: string): Words {
  return s.includes('△') ? bi(s, s.replace(/△/g, '-')) : s;
}

/** A difference with its sign: "+4", "△1" / "-1". */
export function signedWords(d: number): Words {
  return d > 0 ? `+${fmt(d)}` : figureWords(d);
}
