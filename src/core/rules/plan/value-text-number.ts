/** Numbers stored as text ("9,454", "△12", "12.5%"). */
import { reportFigures } from '../figure-report';
import type { Rule } from '../types';

export const valueTextNumber: Rule = {
  meta: {
    id: 'value-text-number',
    defaultSeverity: 'warning',
    description: { ko: '숫자가 텍스트로 저장되어 있습니다', en: 'A number is stored as text' },
    docs: {
      ko: '숫자가 텍스트로 입력된 칸(예: "9,454", "△12", "12.5%")을 경고합니다. 검증은 읽은 숫자로 하지만, Excel의 SUM은 텍스트를 건너뛰므로 표의 합계 수식이 틀어질 수 있습니다.',
      en: 'Warns about cells holding a number as text (e.g. "9,454", "△12", "12.5%"). Validation uses the number read from it, but Excel\'s SUM skips text, so the table\'s own total formulas may be off.',
    },
    messages: {
      textNumber: {
        ko: '{{what}}: 텍스트로 저장된 숫자 "{{raw}}" (값 {{value}}; Excel 합계 수식에서 빠질 수 있음)',
        en: '{{what}}: the number {{value}} is stored as text "{{raw}}" (Excel SUM formulas may skip it)',
      },
    },
  },
  check(ctx) {
    reportFigures(ctx, (f) => (f.state === 'text-number' ? 'textNumber' : null), (f) => f.value);
  },
};
