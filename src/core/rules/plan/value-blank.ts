/** Empty cells where a figure belongs, formulas without a value, and "…" (not available). */
import { parseA1 } from '../../grid/a1';
import type { Figure, Plan } from '../../model/plan';
import { allRows, untouchedFigures } from '../../progress';
import type { Rule, RuleContext } from '../types';
import { figureCensus, forEachFigure } from '../walk';
import { wordsIn, type Words } from '../words';

export const valueBlank: Rule = {
  meta: {
    id: 'value-blank',
    defaultSeverity: 'warning',
    description: { ko: '값이 들어갈 칸이 비어 있습니다', en: 'A cell where a figure belongs is empty' },
    docs: {
      ko: '성과목표·소요예산과 공통 일자리 목표의 값 칸이 비어 있으면 경고합니다(문서에서는 없음을 "-"로 씁니다). 한 행의 빈 칸은 한 건으로 모아 모든 셀을 밝힙니다. 합계 검사에서는 0으로 셉니다. 아무 값도 입력하지 않은 행(빈 서식의 행: 입력 칸이 모두 비어 있고 수식은 비었거나 0)은 문제가 아니라 진행 상황이므로 경고하지 않고, 검증 결과에 "세부사업 12개 중 3개 입력"처럼 입력 현황으로 보여 줍니다. 계산값이 저장되지 않은 수식(Excel에서 한 번도 계산·저장하지 않은 파일)도 빈 칸이며 따로 알리되, 같은 행에 빈 입력 칸이 있으면(수식이 빈 값을 돌려주는 것이 당연하므로) 알리지 않습니다. "…"(자료 없음)도 경고합니다.',
      en: 'Warns about empty 성과목표, 소요예산 or 공통 일자리 목표 cells (documents write "-" for none); the empty cells of one row are one finding listing every cell. Sums count them as 0. A row in which nothing has been entered yet (a blank template row: every input cell empty, formulas empty or 0) is progress, not a problem: it is not warned about, and the result shows the progress instead ("3 of 12 세부사업 entered"). A formula with no cached value (a file never calculated and saved by Excel) is blank too and says so, unless its row has empty input cells (then an empty result is expected). "…" (not available) is warned about as well.',
    },
    messages: {
      blank: {
        ko: '{{what}}: 빈 칸 (없음이면 "-"로 입력; 합계 검사에서는 0으로 셈)',
        en: '{{what}}: empty cell (write "-" for none; counted as 0 in sums)',
      },
      formulaNoValue: {
        ko: '{{what}}: 수식의 계산값이 저장되어 있지 않아 빈 칸으로 읽음 (Excel에서 다시 계산해 저장하세요)',
        en: '{{what}}: the formula has no saved value and reads as empty (recalculate and save in Excel)',
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
    // Only a blank or "…" figure is ever reported: most plans have none.
    const { states } = figureCensus(ctx.plan);
    if (!states.has('blank') && !states.has('na')) return;
    // Rows nobody has touched are progress, not findings (see core/progress.ts).
    const untouched = untouchedFigures(ctx.plan);
    let rowOf: Map<Figure, Figure[]> | null = null; // made when a formula without a value turns up
    let run: { figures: Figure[]; messageId: string; what: Words; row: Words } | null = null;
    const flush = () => {
      if (run) report(ctx, run);
      run = null;
    };
    forEachFigure(ctx.plan, (f, info) => {
      if (untouched.has(f)) {
        flush();
        return;
      }
      let messageId = f.state === 'na' ? 'notAvailable' : f.state !== 'blank' ? null : f.formula && f.raw === null ? 'formulaNoValue' : 'blank';
      // A formula over empty inputs is empty by design: the inputs are what is reported.
      if (messageId === 'formulaNoValue' && (rowOf ??= figureRows(ctx.plan)).get(f)?.some((g) => !g.formula && g.state === 'blank')) messageId = null;
      if (messageId === null || messageId === 'notAvailable') {
        flush();
        if (messageId) ctx.report({ messageId, at: f.ref, actual: String(f.raw), data: { what: info.what, raw: String(f.raw) } });
        return;
      }
      const last = run?.figures[run.figures.length - 1];
      if (run && last && run.messageId === messageId && wordsIn(run.row, 'ko') === wordsIn(info.row, 'ko') && last.ref.sheet === f.ref.sheet && rowKey(last.ref.cell) === rowKey(f.ref.cell)) {
        run.figures.push(f);
      } else {
        flush();
        run = { figures: [f], messageId, what: info.what, row: info.row };
      }
    });
    flush();
  },
};

/** The row (sheet) or line (document: "L448:F3") a cell is on. */
function rowKey(cell: string): string {
  const line = /^L(\d+):F\d+$/.exec(cell);
  if (line) return `L${line[1]}`;
  try {
    return String(parseA1(cell).row);
  } catch {
    return cell;
  }
}

/** Each figure's row (a series or an indicator), to see whether a blank formula has blank inputs. */
function figureRows(plan: Plan): Map<Figure, Figure[]> {
  const out = new Map<Figure, Figure[]>();
  for (const row of allRows(plan)) for (const f of row) out.set(f, row);
  return out;
}

function report(ctx: RuleContext, run: { figures: Figure[]; messageId: string; what: Words; row: Words }): void {
  const [first] = run.figures;
  if (run.figures.length === 1) {
    ctx.report({ messageId: run.messageId, at: first.ref, actual: null, data: { what: run.what } });
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
