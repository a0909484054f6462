/**
 * Example results report: 세종일자리경제진흥원, 2024 (seed 004: 「I. 2024년 성과와 평가 — 1 주요 성과」).
 *
 * Every figure of the section is transcribed as the document states it, breakdowns included, and
 * nothing is corrected or added: no total the document does not state, no link to a plan (the document
 * names none), no 목표 or 달성률 (it states none). The document's own inconsistencies stay in:
 *   - 일자리 창출 총 1,216명, but its four centres add up to 228 + 60 + 753 + 180 = 1,221명;
 *   - 세종일자리지원센터 753명, but 구직등록자 본인취업 389명 + 알선취업 343명 = 732명;
 *   - 수혜인원 1,800명 adds up its eight items only with 소상공인 컨설팅 12개社 counted as people.
 *
 * How the text becomes a hierarchy (results/model.ts: a row with a figure and rows under it is a total of
 * them; a row without a figure is a heading whose rows are independent facts):
 *   - "총 1,216명 ▶ 센터 N명 (사업 a명 / 사업 b명)" is a three-level sum;
 *   - "지원사업 운영(수혜인원 1,800명) * 구직·창업수당(200명), … 재무컨설팅(88명) 등" is a total with its
 *     items (they add up to exactly 1,800 with the 12개社);
 *   - "89개社(온라인 50, 현장 39)" and "채용실적 192명(…, 온라인 165명, 현장 27명)" are totals with parts;
 *     the parts of 89개社 state no unit, so they take the parent's (a blank unit);
 *   - lists of separate facts — "33개 과정(3학기제, 521명 참여, 취업 60명, 평균만족도 92.3점)", "기숙사
 *     임차비(9개社, 51명)", "채용 박람회 개최(구직 500명, 취업 30명)", … — are rows under a heading, not
 *     parts of a total: 521명 and 60명 are not pieces of 33개 과정. An item stating two figures in two units
 *     is written as two rows with the same name, one per unit.
 *   - Text that goes with a figure (▲213%, 3학기제, the items without figures) is in the 비고 column.
 *     ▲ is kept as written: the document uses it for an increase here, but ▲ is ambiguous (domain.md).
 * Names are the document's words; where a figure has no name of its own in the text ("89개社 … 참여",
 * "200개 일자리 공급") the row is named by the words next to it.
 */
import type { PlanDraft } from '../model/draft';
import type { DraftResultItem } from '../results/model';

/** A result row with only an 실적 (the document states no 목표 or 달성률). */
const item = (level: number, name: string, unit: string | null, actual: number | null, note?: string): DraftResultItem =>
  note === undefined ? { level, name, unit, target: null, actual, statedRate: null } : { level, name, unit, target: null, actual, statedRate: null, note };

export const sejong2024: PlanDraft = {
  meta: {
    region: '세종특별자치시',
    term: null,
    preparedDate: null,
    title: '세종일자리경제진흥원 2024년 성과와 평가',
  },
  // A results report has no plan period of its own; the period is the results year.
  period: { startYear: 2024, years: 1 },
  settings: { requiredRateChange: 2, requiredCountChange: 10 },
  indicators: [],
  areaUnits: { target: '명', budget: '백만원' },
  grandTotal: { target: { total: null, years: [null] }, budget: { total: null, years: [null] } },
  areas: [],
  tasks: [],
  results: {
    title: 'I. 2024년 성과와 평가 — 1 주요 성과',
    year: 2024,
    organisation: '세종일자리경제진흥원',
    items: [
      // 세종일자리경제진흥원 일자리 창출 총 1,216명 달성
      item(1, '세종일자리경제진흥원 일자리 창출', '명', 1216, '총 1,216명 달성'),
      item(2, '세종청년희망내일센터', '명', 228),
      item(3, '청년취업박람회', '명', 192),
      item(3, '구직활동비 지원사업', '명', 36),
      item(2, '세종신중년센터', '명', 60),
      item(3, '신중년JOB매칭페스타', '명', 10),
      item(3, '교육과정 연계 단기 일자리', '명', 50),
      item(2, '세종일자리지원센터', '명', 753),
      item(3, '구직등록자 본인취업', '명', 389),
      item(3, '알선취업', '명', 343),
      item(2, '세종지역혁신프로젝트', '명', 180),
      item(3, '부리산업 일자리', '명', 99),
      item(3, '전문과학기술업 일자리', '명', 81),

      // □ 진흥원 공식 출범 및 인지도 제고
      item(1, '진흥원 공식 출범 및 인지도 제고', null, null),
      item(2, '세종일자리경제진흥원 개원, 통합창업관 관리 운영 및 유관기관 협업 추진', null, null, '통합창업관: 주차장 유료화, 미술품 전시 등'),
      item(3, '통합창업관 교육실', '개', 3),
      item(3, '통합창업관 회의공간', '개소', 4),

      // □ 기업 수출지원 및 고용환경 지원체계 구축
      item(1, '기업 수출지원 및 고용환경 지원체계 구축', null, null),
      item(2, '중소기업 단계별 해외판로지원 및 근로자 정주 여건 개선', null, null),
      item(3, '해외 전시·박람회 참가', '개社', 6),
      item(3, '해외규격인증', '개社', 2),
      item(3, '물류 및 통번역비', '개社', 3),
      item(3, '산업단지 기숙사 임차비', '개社', 9),
      item(3, '산업단지 기숙사 임차비', '명', 51),
      item(3, "통근버스 '잡아타' 운영", '개 노선', 2),
      item(3, "통근버스 '잡아타' 운영", '명', 30),

      // □ 청년 경제활동 촉진 및 정착 지원
      item(1, '청년 경제활동 촉진 및 정착 지원', null, null),
      item(2, '경제활동 참여율 제고를 위한 지원사업 운영 (수혜인원)', '명', 1800, '내역 끝에 "등"'),
      item(3, '구직·창업수당', '명', 200),
      item(3, '면접스타일링', '명', 180),
      item(3, '소상공인 컨설팅', '개社', 12),
      item(3, '소상공인 사회보험료', '명', 797),
      item(3, '미래적금', '명', 288),
      item(3, '주거임대료', '명', 135),
      item(3, '면접비', '명', 100),
      item(3, '재무컨설팅', '명', 88),

      // □ 청년-기업 매칭 지원을 위한 세종청년취업박람회 개최
      item(1, '청년-기업 매칭 지원을 위한 세종청년취업박람회 개최', null, null),
      item(2, '참여', '개社', 89),
      item(3, '온라인', null, 50),
      item(3, '현장', null, 39),
      item(2, '일자리 공급', '개', 200),
      item(2, '참여인원', '명', 1971, '▲213%'),
      item(2, '채용상담', '명', 2634, '▲653%'),
      item(2, '채용실적', '명', 192, '▲256%'),
      item(3, '온라인', '명', 165),
      item(3, '현장', '명', 27),

      // □ 신중년 디지털·직업전환교육 등을 통한 적극적인 사회활동 지원
      item(1, '신중년 디지털·직업전환교육 등을 통한 적극적인 사회활동 지원', null, null),
      item(2, '과정', '개', 33, '3학기제'),
      item(2, '참여', '명', 521),
      item(2, '취업', '명', 60),
      item(2, '평균만족도', '점', 92.3),
      item(2, '커뮤니티', '개팀', 7),
      item(2, '커뮤니티', '명', 63),

      // □ 신기술 인력양성을 위한 훈련과정 운영 및 위원회 등 개최
      item(1, '신기술 인력양성을 위한 훈련과정 운영 및 위원회 등 개최', null, null),
      item(2, '기업 참여 프로젝트 중심 구직자 양성과정', '명', 15),
      item(2, '지역 맞춤형 구직자 훈련과정', '명', 10),
      item(2, '지역 맞춤형 재직자 훈련과정', '명', 540),
      item(2, '산업 현장 소통·협력 강화를 위한 위원회', '회', 21),
      item(2, '기업 맞춤형 컨설팅 제공', '회', 15),

      // □ 빈일자리 산업(부리·전문과학기술업)·경제 성장을 위한 지원사업 추진
      item(1, '빈일자리 산업(부리·전문과학기술업)·경제 성장을 위한 지원사업 추진', null, null),
      item(2, '빈일자리 고용장려금 지원', '명', 180),
      item(2, '빈일자리 채용 박람회 개최', null, null),
      item(3, '구직', '명', 500),
      item(3, '취업', '명', 30),
    ],
  },
};
