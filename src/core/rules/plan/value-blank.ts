/** Empty cells where a figure belongs, formulas without a value, and "…" (not available). */
import { parseA1 } from '../../grid/a1';
import type { Figure } from '../../model/plan';
import type { Rule, RuleContext } from '../types';
import { forEachFigure } from '../walk';

export const valueBlank: Rule = {
  meta: {
    id: 'value-blank',
    defaultSeverity: 'warning',
    description: { ko: '값이 들어갈 칸이 비어 있습니다', en: 'A cell where a figure belongs is empty' },
    docs: {
      ko: '성과목표·소요예산과 공통 일자리 목표의 값 칸이 비어 있으면 경고합니다(문서에서는 없음을 "-"로 씁니다). 한 행의 빈 칸은 한 건으로 모아 모든 셀을 밝힙니다. 합계 검사에서는 0으로 셉니다. 계산값이 저장되지 않은 수식(Excel에서 한 번도 계산·저장하지 않은 파일)도 빈 칸이며 따로 알리고, "…"(자료 없음)도 경고합니다.',
      en: 'Warns about empty 성과목표, 소요예산 or 공통 일자리 목표 cells (documents write "-" for none); the empty cells of one row are one finding listing every cell. Sums count them as 0. A formula with no cached value (a file never calculated and saved by Excel) is blank too and says so; "…" (not available) is warned about as well.',
    },
    messages: {
      blank: {
        ko: '{{what}}: 빈 칸 (없음이면 "-"로 입력; 합계 검사에서는 0으로 셈)',
        en: '{{what}}: empty cell (write "-" for none; counted as 0 in sums)',
      },
      formulaNoValue: {
        ko: '{{what}}: 수식 ={{formula}}의 계산값이 저장되어 있지 않아 빈 칸으로 읽음 (Excel에서 다시 계산해 저장하세요)',
        en: '{{what}}: formula ={{formula}} has no saved value and reads as empty (recalculate and save in Excel)',
      },
      blankCells: {
        ko: '{{what}}: 빈 칸 {{count}}개 ({{range}}) (없음이면 "-"로 입력; 합계 검사에서는 0으로 셈)',
        en: '{{what}}: {{count}} empty cells ({{range}}) (write "-" for none; counted as 0 in sums)',
      },
      formulaNoValueCells: {
        ko: '{{what}}: 수식 {{count}}개 ({{range}})의 계산값이 저장되어 있지 않아 빈 칸으로 읽음 (Excel에서 다시 계산해 저장하세요)',
        en: '{{what}}: {{count}} formulas ({{range}}) have no saved value and read as empty (recalculate and save in Excel)',
      },
      notAvailable: {
        ko: '{{what}}: "{{raw}}" — 자료 없음 (합계 검사에서는 0으로 셈)',
        en: '{{what}}: "{{raw}}" — not available (counted as 0 in sums)',
      },
    },
  },
  check(ctx) {
    // Empty cells of one row are one finding naming all of them: a blank template is a handful of
    // rows to fill, not hundreds of cells to read.
    let run: { figures: Figure[]; messageId: string; what: string; row: string } | null = null;
    const flush = () => {
      if (run) report(ctx, run);
      run = null;
    };
    forEachFigure(ctx.plan, (f, info) => {
      const messageId = f.state === 'na' ? 'notAvailable' : f.state !== 'blank' ? null : f.formula && f.raw === null ? 'formulaNoValue' : 'blank';
      if (messageId === null || messageId === 'notAvailable') {
        flush();
        if (messageId) ctx.report({ messageId, at: f.ref, actual: String(f.raw), data: { what: info.what, raw: String(f.raw) } });
        return;
      }
      const last = run?.figures[run.figures.length - 1];
      if (run && last && run.messageId === messageId && run.row === info.row && last.ref.sheet === f.ref.sheet && parseA1(last.ref.cell).row === parseA1(f.ref.cell).row) {
        run.figures.push(f);
      } else {
        flush();
        run = { figures: [f], messageId, what: info.what, row: info.row };
      }
    });
    flush();
  },
};

function report(ctx: RuleContext, run: { figures: Figure[]; messageId: string; what: string; row: string }): void {
  const [first] = run.figures;
  if (run.figures.length === 1) {
    ctx.report({ messageId: run.messageId, at: first.ref, actual: null, data: { what: run.what, formula: first.formula ?? '' } });
    return;
  }
  const lastCell = run.figures[run.figures.length - 1].ref.cell;
  ctx.report({
    messageId: run.messageId === 'blank' ? 'blankCells' : 'formulaNoValueCells',
    at: first.ref,
    cells: run.figures.map((f) => f.ref),
    actual: null,
    data: { what: run.row, count: run.figures.length, range: `${first.ref.cell}:${lastCell}` },
  });
}
