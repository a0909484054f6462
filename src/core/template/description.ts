/**
 * The template description: one declarative account of a 종합계획 workbook. render.ts writes a draft
 * through it; read.ts finds the same tables in any workbook by these labels (not by fixed addresses),
 * so both directions agree on names, labels and column roles.
 */
import type { PlanPeriod } from '../model/period';
import { baseYear } from '../model/period';
import { TASK_TOTAL, type Label } from '../tables/labels';

// The label helpers live with the table kinds (tables/labels.ts); re-exported for existing callers.
export { circledNumber, matches, nameKey, norm, parseTaskTitle, taskTitle, yearOfHeader, type Label } from '../tables/labels';

const label = (text: string, ...synonyms: string[]): Label => ({ text, synonyms });

export const TEMPLATE = {
  overview: {
    sheetName: '개요',
    title: '지역일자리 목표 공시제 종합계획',
    /** Fields in the order written; the reader finds each by its label in column A. */
    fields: {
      region: label('지자체명', '지방자치단체명', '자치단체명'),
      term: label('민선 기수', '민선'),
      startYear: label('계획기간 시작연도', '시작연도', '계획시작연도'),
      years: label('계획기간 (년)', '계획기간(년)', '계획연수'),
      baseYear: label('기준연도', '기준년도'),
      requiredRateChange: label('요구 증감 (률 지표, %p)', '요구증감(률지표)', '률지표요구증감'),
      requiredCountChange: label('요구 증감률 (수 지표, %)', '요구증감률(수지표)', '수지표요구증감률'),
      preparedDate: label('작성일', '작성일자'),
    },
    notes: [
      '* 계획기간·요구 증감은 검증 설정입니다. 값을 바꾸면 다음 검증부터 적용됩니다.',
      '* 숫자 셀의 "-"는 없음(0), "…"는 자료 없음입니다. △는 음수입니다.',
    ],
  },
  indicators: {
    sheetName: '공통 일자리 목표',
    title: '1. 공통 일자리 목표',
    tableName: '공통 일자리 목표',
    unitLine: '(단위 : %, %p, 명)',
    /** The header row is the row holding both of these. */
    anchor: label('구 분', '구분', '지표'),
    changeHeader: label('증감', '증감률', '대비'),
    unitHeader: label('단위'),
    /** Markers of the base-year column when years are ambiguous. */
    baseMarkers: ['기준', '예상'],
    note: '* 률 지표(%)의 증감은 %p(목표 − 기준), 수 지표(명)의 증감은 %(목표 ÷ 기준 − 1)입니다.',
    /** The default indicators; a plan may use others (the set is configurable). */
    defaults: [
      { name: '고용률 (15~64세)', kind: 'rate' as const },
      { name: '청년고용률 (15~29세)', kind: 'rate' as const },
      { name: '여성고용률 (15~64세)', kind: 'rate' as const },
      { name: '취업자 수 (15~64세)', kind: 'count' as const },
      { name: '상용근로자 수', kind: 'count' as const },
      { name: '고용보험 피보험자수', kind: 'count' as const },
    ],
  },
  areas: {
    sheetName: '분야별 목표',
    title: '2. 분야별 목표',
    tableName: '분야별 목표',
    anchor: label('전략분야', '전략 분야', '분야', '전략분야명', '분야명', '전략', '핵심전략', '추진전략', '전략목표'),
    roleHeader: label('구 분', '구분'),
    totalHeader: label('합 계', '합계', '계', '총계'),
    remarkHeader: label('비고'),
    grandTotal: label('합 계', '합계', '총계', '계'),
    excludedMarker: '예산 합계 제외',
  },
  tasks: {
    sheetName: '실천과제',
    title: '3. 실천과제 연차별 추진계획',
    tableName: '실천과제',
    anchor: label('세부사업명', '세부사업', '사업명', '단위사업명', '단위사업', '세부과제', '세부과제명'),
    roleHeader: label('구 분', '구분'),
    totalHeader: label('합계', '합 계', '계', '총계'),
    areaLabel: label('전략분야', '전략 분야', '분야'),
    taskTotal: TASK_TOTAL,
  },
  roles: {
    target: label('성과목표', '목표', '일자리목표', '성과 목표'),
    budget: label('소요예산', '예산', '소요 예산'),
  },
} as const;

export type IndicatorKindName = '률' | '수';

/** Header texts that depend on the plan period. */
export function yearHeader(year: number): string {
  return `${year}년`;
}

export function indicatorHeaders(p: PlanPeriod): { lastActual: string; base: string; change: string } {
  const b = baseYear(p);
  return { lastActual: `${b - 1}년 (실적)`, base: `${b}년 (기준)`, change: `증감 (${b}년 대비)` };
}
