/**
 * Example plan: 인천광역시 서구, 「인천서구 민선8기 일자리대책 종합계획 (2023~2026)」
 * (지역일자리 목표 공시제 종합계획; plan period 2023–2026, base year 2022).
 *
 * Every figure is transcribed exactly as the document states it — chapter III (공통 일자리 목표,
 * 분야별 목표) and the 연차별 추진계획 table of each 실천과제 ①–⑬ — inconsistencies included.
 * Nothing is corrected or computed here; `-` in the document is written as 0.
 * Names are as printed, with whitespace normalised to single spaces.
 */
import type { PlanDraft } from '../model/draft';

export const incheonSeogu2023: PlanDraft = {
  meta: {
    region: '인천광역시 서구',
    term: 8,
    preparedDate: null,
    title: '인천서구 민선8기 일자리대책 종합계획 (2023~2026)',
  },
  period: { startYear: 2023, years: 4 },
  settings: { requiredRateChange: 2, requiredCountChange: 10 },

  // 1 공통 일자리 목표 (단위 : %, %p, 명)
  indicators: [
    {
      name: '고용률(15세~64세)',
      kind: 'rate',
      lastActual: 66.9,
      base: 68.6,
      targets: [69.1, 69.6, 70.1, 70.6],
      statedChange: 2,
    },
    {
      name: '청년고용률 (15세~29세)',
      kind: 'rate',
      lastActual: 43.7,
      base: 43.6,
      targets: [44.1, 44.6, 45.1, 45.6],
      statedChange: 2,
    },
    {
      name: '여성고용률 (15세~64세)',
      kind: 'rate',
      lastActual: 55.9,
      base: 57.1,
      targets: [57.6, 58.1, 58.6, 59.1],
      statedChange: 2,
    },
    {
      name: '취업자 수(15세~64세)',
      kind: 'count',
      lastActual: 286000,
      base: 302000,
      targets: [309550, 317290, 325220, 332200],
      statedChange: 10,
    },
    {
      name: '상용근로자 수',
      kind: 'count',
      lastActual: 176800,
      base: 191000,
      targets: [195770, 200660, 205670, 210100],
      statedChange: 10,
    },
    {
      name: '고용보험 피보험자수',
      kind: 'count',
      lastActual: 133211,
      base: 135000,
      targets: [138370, 141820, 145360, 148500],
      statedChange: 10,
    },
  ],

  // 2 분야별 목표 (단위 : 명, 백만원)
  areaUnits: { target: '명', budget: '백만원' },
  grandTotal: {
    target: { total: 60247, years: [13970, 14289, 15456, 16532] },
    budget: { total: 206658, years: [49937, 50883, 52205, 53633] },
  },
  areas: [
    {
      name: '청년 일자리 확대',
      excludedFromBudgetTotal: false,
      target: { total: 9454, years: [2298, 2342, 2382, 2432] },
      budget: { total: 4197, years: [1127, 1049, 996, 1025] },
    },
    {
      name: '맞춤형 일자리 지원 및 발굴',
      excludedFromBudgetTotal: false,
      target: { total: 43465, years: [10442, 10799, 11008, 11216] },
      budget: { total: 181493, years: [43783, 44668, 45897, 47145] },
    },
    {
      name: '사회적경제 활성화 및 일자리 질 개선을 통한 일자리 창출',
      excludedFromBudgetTotal: false,
      target: { total: 2020, years: [496, 502, 508, 514] },
      budget: { total: 14601, years: [3491, 3593, 3702, 3815] },
    },
    {
      name: '산업단지 및 중소기업 지원을 통한 일자리 창출',
      excludedFromBudgetTotal: false,
      target: { total: 1808, years: [434, 446, 458, 470] },
      budget: { total: 6367, years: [1536, 1573, 1610, 1648] },
    },
    {
      name: '민간기업 상생.협력을 통한 고용 창출',
      excludedFromBudgetTotal: true,
      exclusionNote: '소요예산 : 민간일자리창출 분야 민간사업비 제외',
      target: { total: 3500, years: [300, 200, 1100, 1900] },
      budget: null,
    },
  ],

  // IV. 전략 및 과제: 연차별 추진계획 of each 실천과제
  tasks: [
    {
      no: 1,
      name: '청년 창업 인프라 조성',
      area: '청년 일자리 확대',
      targetUnit: '명',
      budgetUnit: '백만원',
      total: {
        target: { total: 18, years: [12, 6, 0, 0] },
        budget: { total: 192, years: [152, 40, 0, 0] },
      },
      subprojects: [
        {
          name: '정서진 아라뱃길 청년창업공간 운영',
          target: { total: 12, years: [6, 6, 0, 0] },
          budget: { total: 80, years: [40, 40, 0, 0] },
        },
        {
          name: '선한가치 추구 창업청년 서포트 사업',
          target: { total: 6, years: [6, 0, 0, 0] },
          budget: { total: 112, years: [112, 0, 0, 0] },
        },
      ],
    },
    {
      no: 2,
      name: '청년 일자리 지원 및 취업역량 강화',
      area: '청년 일자리 확대',
      targetUnit: '명',
      budgetUnit: '백만원',
      total: {
        target: { total: 9436, years: [2286, 2336, 2382, 2432] },
        budget: { total: 4001, years: [973, 1007, 997, 1024] },
      },
      subprojects: [
        {
          name: '취업성공 디딤돌 청년인턴 사업',
          target: { total: 208, years: [52, 52, 52, 52] },
          budget: { total: 2849, years: [681, 701, 723, 744] },
        },
        {
          name: '포스트코로나 중소기업 청년일자리 지원사업',
          target: { total: 8, years: [4, 4, 0, 0] },
          budget: { total: 85, years: [45, 40, 0, 0] },
        },
        {
          name: '청년 자격증 응시료 지원',
          target: { total: 9100, years: [2200, 2250, 2300, 2350] },
          budget: { total: 461, years: [102, 117, 120, 122] },
        },
        {
          name: '로봇·AI 산업육성 프로젝트',
          target: { total: 120, years: [30, 30, 30, 30] },
          budget: { total: 606, years: [145, 149, 154, 158] },
        },
      ],
    },
    {
      no: 3,
      name: '맞춤형 취업지원서비스 확대',
      area: '맞춤형 일자리 지원 및 발굴',
      targetUnit: '명',
      budgetUnit: '백만원',
      total: null,
      subprojects: [
        {
          name: '기업&일자리 지원센터 운영',
          target: { total: 10800, years: [2700, 2700, 2700, 2700] },
          budget: { total: 88, years: [22, 22, 22, 22] },
        },
      ],
    },
    {
      no: 4,
      name: '신중년 일자리 창출 및 확대',
      area: '맞춤형 일자리 지원 및 발굴',
      targetUnit: '명',
      budgetUnit: '백만원',
      total: {
        target: { total: 306, years: [75, 76, 77, 78] },
        budget: { total: 1101, years: [266, 272, 278, 285] },
      },
      subprojects: [
        {
          name: '신중년 경력형 일자리 사업',
          target: { total: 26, years: [5, 6, 7, 8] },
          budget: { total: 486, years: [116, 120, 123, 127] },
        },
        {
          name: '신중년 사회공헌 사업',
          target: { total: 160, years: [40, 40, 40, 40] },
          budget: { total: 268, years: [67, 67, 67, 67] },
        },
        {
          name: '친환경 녹색표면처리 전문가 양성사업',
          target: { total: 120, years: [30, 30, 30, 30] },
          budget: { total: 347, years: [83, 85, 88, 91] },
        },
      ],
    },
    {
      no: 5,
      name: '여성친화 일자리 발굴 및 창출',
      area: '맞춤형 일자리 지원 및 발굴',
      targetUnit: '명',
      budgetUnit: '백만원',
      total: {
        target: { total: 700, years: [175, 175, 175, 175] },
        budget: { total: 863, years: [212, 214, 217, 220] },
      },
      subprojects: [
        {
          name: '경력단절여성 경제독립 프로젝트',
          target: { total: 128, years: [32, 32, 32, 32] },
          budget: { total: 329, years: [79, 81, 83, 86] },
        },
        {
          name: '에듀크리에이터 양성사업',
          target: { total: 64, years: [16, 16, 16, 16] },
          budget: { total: 82, years: [20, 20, 21, 21] },
        },
        {
          name: '거주외국인 직업교육',
          target: { total: 172, years: [43, 43, 43, 43] },
          budget: { total: 92, years: [23, 23, 23, 23] },
        },
        {
          name: '결혼이민자 일자리 지원사업',
          target: { total: 280, years: [70, 70, 70, 70] },
          budget: { total: 288, years: [72, 72, 72, 72] },
        },
        {
          name: '결혼이민자 외국인 강사 파견',
          target: { total: 56, years: [14, 14, 14, 14] },
          budget: { total: 72, years: [18, 18, 18, 18] },
        },
      ],
    },
    {
      no: 6,
      name: '취업취약계층 일자리 창출 지원',
      area: '맞춤형 일자리 지원 및 발굴',
      targetUnit: '명',
      budgetUnit: '백만원',
      total: {
        target: { total: 25522, years: [6101, 6358, 6474, 6589] },
        budget: { total: 101060, years: [24254, 24708, 25601, 26497] },
      },
      subprojects: [
        {
          name: '노인사회활동지원 및 일자리 사업',
          target: { total: 22058, years: [5258, 5500, 5600, 5700] },
          budget: { total: 85237, years: [20437, 20800, 21600, 22400] },
        },
        {
          name: '장애인 일자리 사업',
          target: { total: 655, years: [160, 162, 165, 168] },
          budget: { total: 12543, years: [2998, 3088, 3181, 3276] },
        },
        {
          name: '장애인 직업재활 프로그램 (근로사업장)',
          target: { total: 309, years: [73, 76, 79, 81] },
          budget: { total: 47, years: [11, 12, 12, 12] },
        },
        {
          name: '자활근로사업',
          target: { total: 2060, years: [500, 510, 520, 530] },
          budget: { total: 29, years: [7, 7, 7, 8] },
        },
        {
          name: '공공근로사업',
          target: { total: 288, years: [72, 72, 72, 72] },
          budget: { total: 1960, years: [490, 490, 490, 490] },
        },
        {
          name: '지역공동체일자리사업',
          target: { total: 152, years: [38, 38, 38, 38] },
          budget: { total: 1244, years: [311, 311, 311, 311] },
        },
      ],
    },
    {
      no: 7,
      name: '공공서비스 일자리 창출 지원',
      area: '맞춤형 일자리 지원 및 발굴',
      targetUnit: '명',
      budgetUnit: '백만원',
      total: {
        target: { total: 4837, years: [1081, 1170, 1252, 1334] },
        budget: { total: 66813, years: [16265, 16603, 16845, 17100] },
      },
      subprojects: [
        {
          name: '아동복지 지원사업 (3개사업)',
          target: { total: 1478, years: [323, 355, 385, 415] },
          budget: { total: 27618, years: [6601, 6799, 7003, 7215] },
        },
        {
          name: '사회서비스 제공사업 (7개사업)',
          target: { total: 2957, years: [659, 714, 766, 818] },
          budget: { total: 26452, years: [6581, 6614, 6622, 6635] },
        },
        {
          name: '보건서비스 지원사업 (3개 사업)',
          target: { total: 124, years: [31, 31, 31, 31] },
          budget: { total: 4432, years: [1072, 1096, 1120, 1144] },
        },
        {
          name: '깨끗한 서구 조성사업 (3개사업)',
          target: { total: 124, years: [31, 31, 31, 31] },
          budget: { total: 2896, years: [724, 724, 724, 724] },
        },
        {
          name: '공원·녹지 관리사업 (7개사업)',
          target: { total: 78, years: [18, 20, 20, 20] },
          budget: { total: 2619, years: [597, 674, 674, 674] },
        },
        {
          name: '생활체육지도자 배치사업 (3개사업)',
          target: { total: 52, years: [13, 13, 13, 13] },
          budget: { total: 2316, years: [570, 576, 582, 588] },
        },
        {
          name: '지역화폐(서로e음) 운영사업',
          target: { total: 24, years: [6, 6, 6, 6] },
          budget: { total: 480, years: [120, 120, 120, 120] },
        },
      ],
    },
    {
      no: 8,
      name: '사회적경제 활성화 인프라 구축',
      area: '사회적경제 활성화 및 일자리 질 개선을 통한 일자리 창출',
      targetUnit: '개소',
      budgetUnit: '백만원',
      total: null,
      subprojects: [
        {
          name: '사회적경제마을 지원센터 운영',
          target: { total: 270, years: [60, 65, 70, 75] },
          budget: { total: 3264, years: [757, 795, 835, 877] },
        },
      ],
    },
    {
      no: 9,
      name: '사회적경제조직 육성·지원',
      area: '사회적경제 활성화 및 일자리 질 개선을 통한 일자리 창출',
      targetUnit: '개소',
      budgetUnit: '백만원',
      total: {
        target: { total: 150, years: [36, 37, 38, 39] },
        budget: { total: 5735, years: [1333, 1398, 1466, 1538] },
      },
      subprojects: [
        {
          name: '사회적기업 육성지원',
          target: { total: 142, years: [34, 35, 36, 37] },
          budget: { total: 5615, years: [1303, 1368, 1436, 1508] },
        },
        {
          name: '마을기업 육성지원',
          target: { total: 8, years: [2, 2, 2, 2] },
          budget: { total: 120, years: [30, 30, 30, 30] },
        },
      ],
    },
    {
      no: 10,
      name: '일자리 질 개선 사업 추진',
      area: '사회적경제 활성화 및 일자리 질 개선을 통한 일자리 창출',
      targetUnit: '명',
      budgetUnit: '백만원',
      total: null,
      subprojects: [
        {
          name: '아빠 육아휴직 장려금 지원사업',
          target: { total: 1600, years: [400, 400, 400, 400] },
          budget: { total: 5600, years: [1400, 1400, 1400, 1400] },
        },
      ],
    },
    {
      no: 11,
      name: '산업단지·공업지역 고용환경 개선',
      area: '산업단지 및 중소기업 지원을 통한 일자리 창출',
      targetUnit: '명',
      budgetUnit: '백만원',
      total: {
        target: { total: 520, years: [130, 130, 130, 130] },
        budget: { total: 2209, years: [529, 544, 560, 576] },
      },
      subprojects: [
        {
          name: '뷰티폴파크 무료통근버스 운영사업',
          target: { total: 400, years: [100, 100, 100, 100] },
          budget: { total: 1569, years: [375, 386, 398, 410] },
        },
        {
          name: 'I-FOOD PARK 무료통근버스 운영사업',
          target: { total: 120, years: [30, 30, 30, 30] },
          budget: { total: 520, years: [124, 128, 132, 136] },
        },
        {
          name: '공업지역 환경정비 사업',
          target: { total: 0, years: [0, 0, 0, 0] },
          budget: { total: 120, years: [30, 30, 30, 30] },
        },
      ],
    },
    {
      no: 12,
      name: '중소기업 육성 지원',
      area: '산업단지 및 중소기업 지원을 통한 일자리 창출',
      targetUnit: '개소',
      budgetUnit: '백만원',
      total: {
        target: { total: 1288, years: [304, 316, 328, 340] },
        budget: { total: 4158, years: [1006, 1028, 1051, 1073] },
      },
      subprojects: [
        {
          name: '중소기업 육성기금 용자지원',
          target: { total: 188, years: [44, 46, 48, 50] },
          budget: { total: 652, years: [160, 162, 164, 166] },
        },
        {
          name: '중소기업 기술경쟁력 강화 지원사업',
          target: { total: 450, years: [105, 110, 115, 120] },
          budget: { total: 1648, years: [397, 407, 417, 427] },
        },
        {
          name: '해외 판로개척 지원사업',
          target: { total: 210, years: [45, 50, 55, 60] },
          budget: { total: 938, years: [219, 229, 240, 250] },
        },
        {
          name: '소기업·소상공인 특례보증 지원',
          target: { total: 440, years: [110, 110, 110, 110] },
          budget: { total: 920, years: [230, 230, 230, 230] },
        },
      ],
    },
    {
      no: 13,
      name: '민간기업 유치 및 상생·협력 일자리 창출',
      // Spelled as in the strategy diagram (middle dot); the 분야별 목표 table prints '상생.협력'.
      area: '민간기업 상생·협력을 통한 고용 창출',
      targetUnit: '명',
      budgetUnit: '억원',
      total: {
        target: { total: 3500, years: [300, 200, 1100, 1900] },
        budget: { total: 22683, years: [5770, 7113, 9800, 0] },
      },
      subprojects: [
        {
          name: '청라도시첨단산업단지 (IHP)',
          target: { total: 100, years: [100, 0, 0, 0] },
          budget: { total: 4900, years: [4900, 0, 0, 0] },
        },
        {
          name: '하나금융타운',
          target: { total: 2800, years: [0, 0, 1000, 1800] },
          budget: { total: 9800, years: [0, 0, 9800, 0] },
        },
        {
          name: '인천로봇랜드',
          target: { total: 400, years: [100, 100, 100, 100] },
          budget: { total: 7113, years: [0, 7113, 0, 0] },
        },
        {
          name: '코스트코 청라',
          target: { total: 200, years: [100, 100, 0, 0] },
          budget: { total: 870, years: [870, 0, 0, 0] },
        },
      ],
    },
  ],
};
