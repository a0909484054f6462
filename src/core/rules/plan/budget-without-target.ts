/** A 세부사업 with a budget but no job target. */
import { checkOneSided } from '../plausibility';
import type { Rule } from '../types';

export const budgetWithoutTarget: Rule = {
  meta: {
    id: 'budget-without-target',
    defaultSeverity: 'info',
    description: { ko: '성과목표 없이 예산만 있는 세부사업', en: 'A 세부사업 with a budget but no target' },
    docs: {
      ko: '세부사업의 소요예산 합계는 있는데 성과목표 합계가 0("-")이면 정보로 알립니다. 환경정비처럼 일자리를 직접 만들지 않는 사업일 수 있으나, 일자리 대책에 넣은 까닭을 확인할 만합니다.',
      en: 'A 세부사업 whose 소요예산 합계 is positive while its 성과목표 합계 is 0 ("-") is reported as information. It may be a project that creates no jobs directly (e.g. site clean-up), but why it is part of the job plan is worth checking.',
    },
    messages: {
      budgetOnly: {
        ko: '{{what}}: 소요예산 {{amount}}, 성과목표 없음(-)',
        en: '{{what}}: budget {{amount}} but no target (-)',
      },
    },
  },
  check(ctx) {
    checkOneSided(ctx, 'budget', 'budgetOnly');
  },
};
