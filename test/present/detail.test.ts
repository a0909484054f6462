/** present.detail: the message with its figures, never the same figures twice. */
import { detail } from '../../src/core/present';
import type { Finding } from '../../src/core/rules/types';
import { handMadeFinding } from '../support/findings';

// The rule has no template: the message given is used as it is.
const finding = (over: Partial<Finding>) => handMadeFinding({ rule: 'no-such-rule', sheet: '분야별 목표', message: '', messageEn: '', ...over });

const sum = { expected: 4193, actual: 4197, difference: 4, tolerance: 1.5, unit: '백만원' };

describe('detail', () => {
  it('a message that states all its figures is not followed by them again', () => {
    const message = '청년 일자리 확대 소요예산 합계: 전략분야 4,197 ≠ 실천과제 합 4,193 (차이 +4, 반올림 허용 ±1.5)';
    expect(detail(finding({ ...sum, message }), 'ko')).toBe(message);
    const messageEn = 'budget total: area 4,197 ≠ sum of tasks 4,193 (difference +4, rounding tolerance ±1.5)';
    expect(detail(finding({ ...sum, messageEn }), 'en')).toBe(messageEn);
  });

  it('the figures follow a message that leaves one out (here the tolerance)', () => {
    const message = '합계: 전략분야 4,197 ≠ 실천과제 합 4,193 (차이 +4)';
    expect(detail(finding({ ...sum, message }), 'ko')).toBe(`${message} (기대 4,193백만원 · 실제 4,197백만원 · 차이 +4 · 허용 ±1.5)`);
  });

  it('a figure inside a longer number does not count as stated', () => {
    const message = '합계: 전략분야 14,197 ≠ 실천과제 합 4,193.5 (차이 +4, 허용 ±1.5)';
    expect(detail(finding({ ...sum, message }), 'ko')).toContain('(기대 4,193백만원 · 실제 4,197백만원');
  });

  it('a message without figures gets them; a finding without figures is its message', () => {
    expect(detail(finding({ expected: 3, actual: 5, message: '값이 다릅니다' }), 'ko')).toBe('값이 다릅니다 (기대 3 · 실제 5)');
    expect(detail(finding({ message: '표가 없습니다' }), 'ko')).toBe('표가 없습니다');
  });
});
