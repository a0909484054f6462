import { resultUnits } from '../../../../src/core/rules/results/result-units';
import { testRule } from '../../../support/rule-tester';
import { resultCell as c, resultsPlan, ri } from '../../../support/results';

const q = (cell: string) => `성과!${cell}`;

testRule(resultUnits, {
  valid: [
    { name: 'all parts in the total\'s unit', plan: () => resultsPlan([ri(1, '합계', '명', 30), ri(2, 'A', '명', 10), ri(2, 'B', '명', 20)]) },
    { name: 'parts with a blank unit take the parent\'s (89개社: 온라인 50, 현장 39)', plan: () => resultsPlan([ri(1, '참여', '개社', 89), ri(2, '온라인', null, 50), ri(2, '현장', null, 39)]) },
    { name: '개社 and 개사 are one unit', plan: () => resultsPlan([ri(1, '참여', '개社', 9), ri(2, '온라인', '개사', 5), ri(2, '현장', '개 社', 4)]) },
    { name: 'money units convert', plan: () => resultsPlan([ri(1, '예산', '백만원', 250), ri(2, '국비', '억원', 2), ri(2, '시비', '백만원', 50)]) },
    { name: 'facts in different units under a heading', plan: () => resultsPlan([ri(1, '기숙사 임차비', null, null), ri(2, '기숙사 임차비', '개社', 9), ri(2, '기숙사 임차비', '명', 51)]) },
  ],
  invalid: [
    {
      name: '명 total with a 개社 part',
      plan: () => resultsPlan([ri(1, '수혜인원', '명', 212), ri(2, '수당', '명', 200), ri(2, '컨설팅', '개社', 12)]),
      findings: [{ messageId: 'mixed', severity: 'warning', sheet: '성과', cell: c('E', 0), expected: '명', actual: '개社', cells: [q(c('E', 0)), q(c('C', 0)), q(c('E', 2)), q(c('C', 2))] }],
    },
    {
      name: 'a total without a unit over parts in 명 and 개소',
      plan: () => resultsPlan([ri(1, '합계', null, 15), ri(2, 'A', '명', 10), ri(2, 'B', '개소', 5)]),
      findings: [{ messageId: 'mixed', cell: c('E', 0), expected: '명', actual: '개소' }],
    },
    {
      name: 'one warning per total, on each level',
      plan: () => resultsPlan([ri(1, '합계', '명', 16), ri(2, 'A', '명', 10), ri(3, 'a1', '회', 4), ri(3, 'a2', '명', 6), ri(2, 'B', '건', 6)]),
      findings: [
        { messageId: 'mixed', cell: c('E', 0), expected: '명', actual: '건' },
        { messageId: 'mixed', cell: c('E', 1), expected: '명', actual: '회' },
      ],
    },
  ],
});
