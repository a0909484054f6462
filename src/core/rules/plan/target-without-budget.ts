/** A 세부사업 with a job target but no budget. */
import { checkOneSided } from '../plausibility';
import type { Rule } from '../types';

export const targetWithoutBudget: Rule = {
  meta: {
    id: 'target-without-budget',
    defaultSeverity: 'info',
    description: { ko: '예산 없이 성과목표만 있는 세부사업', en: 'A 세부사업 with a target but no budget' },
    docs: {
      ko: '세부사업의 성과목표 합계는 있는데 소요예산 합계가 0("-")이면 정보로 알립니다. 예산 없이 일자리가 생기는 근거(민간 투자, 타 기관 사업 등)를 확인할 만합니다.',
      en: 'A 세부사업 whose 성과목표 합계 is positive while its 소요예산 합계 is 0 ("-") is reported as information: where the jobs come from without money (private investment, another body\'s programme …) is worth checking.',
    },
    messages: {
      targetOnly: {
        ko: '{{what}}: 성과목표 {{amount}}, 소요예산 없음(-)',
        en: '{{what}}: target {{amount}} but no budget (-)',
      },
    },
  },
  check(ctx) {
    checkOneSided(ctx, 'target', 'targetOnly');
  },
};
