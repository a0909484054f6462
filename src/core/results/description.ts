/**
 * The template description of the two extra sheets: 성과 (annual results) and 연차별 세부계획 (one
 * year's plan). Like template/description.ts, one account drives both the writer (results/render.ts)
 * and the reader (results/read.ts): labels, synonyms and column roles.
 *
 * Labels are chosen so they never look like a 종합계획 table to the plan reader: the 성과 table has no
 * '구 분'/'세부사업명' column and no '증감' column, and the 연차별 세부계획 header carries a '성과목표'
 * column, which a 실천과제 table header never does (its 성과목표 sits in the rows below).
 */
import type { Label } from '../tables/labels';

const label = (text: string, ...synonyms: string[]): Label => ({ text, synonyms });

export const RESULTS = {
  sheetName: '성과',
  /** Sheet names the reader treats as a 성과 sheet that should hold a table (compared by nameKey). */
  sheetNames: ['성과', '연차별 성과', '실적', '주요 성과', '성과 실적'],
  tableName: '성과',
  title: '지역일자리 목표 공시제 연차별 성과',
  fields: {
    region: label('지역', '자치단체', '지자체'),
    organisation: label('기관', '작성기관', '수행기관', '기관명'),
    year: label('실적연도', '실적 연도', '성과연도', '성과 연도', '대상연도'),
  },
  columns: {
    level: label('수준', '단계', '레벨', 'level', '수 준'),
    name: label('성과 항목', '성과항목', '항목', '구분', '구 분', '내용'),
    unit: label('단위'),
    target: label('목표', '목표치', '성과목표', '계획'),
    actual: label('실적', '실적치', '달성실적', '성과'),
    rate: label('달성률 (%)', '달성률(%)', '달성률', '달성율', '달성율(%)'),
    linkTask: label('연계 실천과제', '연계실천과제', '연계 과제', '실천과제'),
    linkSubproject: label('연계 세부사업', '연계세부사업', '연계 사업', '연계사업'),
    year: label('연도', '년도', '실적 연도', '실적연도'),
    note: label('비고', '참고'),
  },
  notes: [
    '* 수준: 1 = 최상위(기관·실천과제), 2 = 사업, 3 = 세부 내역 … 한 행의 상위 항목은 그 위에서 수준이 더 낮은 가장 가까운 행입니다.',
    '* 실적이 적힌 항목의 하위 항목은 그 실적의 내역입니다(합계 = Σ 내역). 실적이 없는 항목은 제목이며 그 아래 항목은 서로 더하지 않습니다.',
    '* 단위가 빈 행은 상위 항목의 단위를 따릅니다. 달성률 = 실적 ÷ 목표 × 100.',
    '* 연계 실천과제·세부사업은 종합계획 실천과제 표의 이름, 연도가 비면 실적연도입니다.',
  ],
} as const;

export const ANNUAL = {
  sheetName: '연차별 세부계획',
  sheetNames: ['연차별 세부계획', '연차별 계획', '세부계획', '연차 계획', '연차별세부계획'],
  tableName: '연차별 세부계획',
  title: '지역일자리 목표 공시제 연차별 세부계획',
  fields: {
    region: label('지역', '자치단체', '지자체'),
    year: label('계획연도', '계획 연도', '대상연도', '해당연도'),
  },
  columns: {
    task: label('실천과제', '실천 과제', '과제', '과제명'),
    subproject: label('세부사업명', '세부사업', '사업명'),
    target: label('성과목표', '성과 목표', '목표', '일자리목표'),
    targetUnit: label('목표 단위', '목표단위', '단위'),
    budget: label('소요예산', '소요 예산', '예산'),
    budgetUnit: label('예산 단위', '예산단위'),
    note: label('비고', '참고'),
  },
  notes: [
    '* 한 해의 계획: 세부사업마다 그 해의 성과목표와 소요예산. 같은 통합문서의 종합계획 해당 연도 열과 대조합니다.',
    '* 세부사업명이 총계·합계·소계인 행은 그 실천과제의 총계 행과 대조합니다.',
  ],
} as const;
