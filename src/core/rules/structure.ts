/**
 * The 'structure' rule's metadata. It has no check of its own: the readers report what they could not
 * find (ReadProblem) and validate.ts turns each problem into a finding with these messages.
 */
import type { RuleMeta } from './types';

const problem = { ko: '[{{table}}] {{problem}}', en: '[{{table}}] {{problem}}' };

export const STRUCTURE_META: RuleMeta = {
  id: 'structure',
  defaultSeverity: 'error',
  description: { ko: '표나 머리글을 찾지 못함', en: 'A table or header could not be found' },
  docs: {
    ko: '읽기 단계의 문제입니다. 표는 고정 주소가 아니라 머리글(구 분, 전략분야, 세부사업명, 연도 …)로 찾습니다. 찾지 못한 표·열·줄은 어느 표의 어느 머리글인지 밝혀 오류로 알리며, 그 부분의 규칙 검사는 건너뜁니다. 읽지 못한 것은 언제나 알리므로 이 규칙의 심각도는 설정(jobtarget.config.json, --rule)으로 바꿀 수 없습니다.',
    en: 'Problems of the reading step. Tables are found by their headers (구 분, 전략분야, 세부사업명, the years …), not by fixed addresses. A table, column or line that cannot be found is an error naming the table and the header, and the rules skip that part. What could not be read is always reported: the severity of this rule cannot be set (jobtarget.config.json, --rule).',
  },
  messages: { notAPlan: problem, tableNotFound: problem, note: problem },
};
