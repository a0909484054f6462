/**
 * Validate (and optionally highlight) the open workbook, and clear the highlights.
 *
 * validate, round trips:
 *   1. sheet names and visibility; notes/comments with their text (when highlighting)
 *   2. every sheet's used range in row blocks (values, formulas, number formats) and merged areas;
 *      the old marks (MARKS_SHEET rows and saved fills); where the user's notes/comments are
 *      → core validateGrid
 *   3. (highlight) restore old marks, remove our old notes/comments, save formats, fill, annotate
 * Only MARKS_SHEET ever receives values; plan cells get fills and notes, never a value or formula.
 *
 * clearMarks, round trips: 1. sheet names, notes/comments  2. MARKS_SHEET rows and saved fills
 *   3. restore, remove our notes/comments, empty MARKS_SHEET.
 * Neither ever deletes a sheet or changes a sheet's visibility after MARKS_SHEET was created: those calls
 * clear the user's undo history (Microsoft's "Undo support" list), and auto re-check runs after every edit.
 */
import type { Rect } from './insert';
import { parseRange } from '../../core/grid/a1';
import { validateGrid } from '../../core/validate';
import { MARKS_SHEET, MAX_MARKED_CELLS, RESULTS_SHEET, type ClearResult, type ExcelHost, type ValidateOptions, type ValidateResult } from './api';
import { Meter, asOwnWrite, both } from './host';
import {
  FILL_PROPS,
  OP_BYTES,
  SNAP_AREA,
  WRITE_BUDGET_BYTES,
  annotationFor,
  annotationText,
  cellKeyOf,
  isOurAnnotation,
  loadAnnotations,
  parseRecords,
  planMarks,
  queueEmptyMarksSheet,
  queueDeleteOurAnnotations,
  queueMarks,
  queueRestore,
  savedFills,
  type MarkRecord,
  type SavedFill,
} from './marks';
import { collectGrid, readSheets } from './read';
import { RESULTS_TITLE_KO, RESULTS_TITLE_EN } from './results';

interface OldMarks {
  records: Excel.Range;
  snaps: Excel.Range;
  props: OfficeExtension.ClientResult<Excel.CellProperties[][]>;
}

/** The record rows (A:F) and the saved fills (from column H on, never empty: H1 has a label). */
function queueOldMarks(ctx: Excel.RequestContext): OldMarks {
  const marks = ctx.workbook.worksheets.getItem(MARKS_SHEET);
  const records = marks.getRange('A:F').getUsedRange(true);
  records.load('values,rowIndex,columnIndex');
  const snaps = marks.getRange(SNAP_AREA).getUsedRange();
  snaps.load('rowIndex,columnIndex');
  const props = snaps.getCellProperties(FILL_PROPS);
  return { records, snaps, props };
}

function readOldMarks(old: OldMarks): { records: MarkRecord[]; fills: (SavedFill | null)[][][] } {
  const records = parseRecords(old.records.values, old.records.rowIndex, old.records.columnIndex);
  const fills = savedFills(records, old.props.value as unknown as Parameters<typeof savedFills>[1], old.snaps.rowIndex, old.snaps.columnIndex);
  return { records, fills };
}

export async function validate(host: ExcelHost, options: ValidateOptions): Promise<ValidateResult> {
  const run = () =>
    host.run(async (ctx) => {
      const meter = new Meter();
      const degraded: string[] = [];
      const annotationKind = options.highlight ? annotationFor(host) : 'none';
      const highlight = options.highlight && annotationKind !== 'none';
      if (options.highlight && !highlight) {
        degraded.push(both('이 Excel은 셀 표시 기능(ExcelApi 1.9)을 지원하지 않아 표시하지 않았습니다', 'this Excel lacks ExcelApi 1.9: cells were not highlighted'));
      }
      const withMerges = host.supports('ExcelApi', '1.13');

      // 1. What sheets are there; which notes/comments.
      const sheets = ctx.workbook.worksheets;
      sheets.load('items/name,items/visibility');
      const annotations = highlight ? loadAnnotations(ctx, host) : { notes: null, comments: null };
      await meter.sync(ctx);
      const names = sheets.items.map((s) => s.name);
      const marksExists = names.includes(MARKS_SHEET);
      const planNames = names.filter((n) => n !== MARKS_SHEET);

      // 2. Read everything in one round trip (with the old marks and where the user's notes are).
      let old: OldMarks | null = null;
      let userAnnotations: Excel.Range[] = [];
      const reads = await readSheets(ctx, planNames, withMerges, meter, () => {
        old = highlight && marksExists ? queueOldMarks(ctx) : null;
        userAnnotations = [];
        for (const item of [...(annotations.notes?.items ?? []), ...(annotations.comments?.items ?? [])]) {
          if (isOurAnnotation(item.content)) continue;
          const loc = item.getLocation();
          loc.load('address');
          userAnnotations.push(loc);
        }
      });
      const { grid, cellsRead } = collectGrid(reads);
      meter.cellsRead = cellsRead;
      // Our own findings sheet is not part of the plan.
      grid.sheets = grid.sheets.filter((s) => {
        if (s.name !== RESULTS_SHEET) return true;
        const title = s.rows[0]?.[0]?.value;
        return title !== RESULTS_TITLE_KO && title !== RESULTS_TITLE_EN;
      });
      if (!withMerges) {
        degraded.push(both('병합 셀 정보(ExcelApi 1.13)를 읽지 못해 병합 없이 읽었습니다', 'merged areas (ExcelApi 1.13) unavailable: read without merges'));
      }

      const result = validateGrid(grid, { lang: options.lang });
      if (!highlight) {
        return { result, annotation: 'none' as const, marked: 0, cost: meter.cost(), ...(degraded.length ? { degraded } : {}) };
      }

      // 3. Replace the marks.
      const existing = new Set(planNames);
      const merges = new Map<string, Rect[]>(grid.sheets.map((s) => [s.name, s.merges.map((m) => parseRange(m))]));
      const oldMarks = old ? readOldMarks(old) : null;
      const restoreBytes = (oldMarks?.records.length ?? 0) * 2 * OP_BYTES;
      const plan = planMarks(result.findings, existing, merges, {
        maxCells: MAX_MARKED_CELLS,
        maxBytes: WRITE_BUDGET_BYTES - restoreBytes,
        annotate: annotationKind === 'notes' || annotationKind === 'comments' ? (sev, msgs) => annotationText(sev, msgs, options.lang) : null,
      });
      const occupied = new Set<string>();
      for (const loc of userAnnotations) {
        try {
          occupied.add(cellKeyOf(loc.address));
        } catch {
          // an address we cannot parse: ignore
        }
      }
      if (oldMarks) queueRestore(ctx, oldMarks.records, oldMarks.fills, existing);
      queueDeleteOurAnnotations(annotations);
      let skipped = 0;
      if (plan.targets.length) {
        skipped = queueMarks(ctx, { targets: plan.targets, annotation: annotationKind, lang: options.lang, occupied, marksSheetExists: marksExists }).skipped;
      } else if (marksExists && oldMarks?.records.length) {
        queueEmptyMarksSheet(ctx);
      }
      await meter.sync(ctx);
      if (plan.truncated) {
        degraded.push(both(`표시할 셀이 너무 많아 심각한 순서로 ${plan.cells}개만 표시했습니다 (전체 목록은 검증결과 시트)`, `too many cells to highlight: the ${plan.cells} most severe were marked (the 검증결과 sheet lists all)`));
      }
      if (skipped) {
        degraded.push(both(`사용자 메모/댓글이 있는 ${skipped}개 셀에는 메모를 달지 않았습니다`, `${skipped} cells already had a user note/comment and were not annotated`));
      }
      return {
        result,
        annotation: annotationKind,
        marked: plan.cells,
        cost: meter.cost(),
        ...(plan.truncated ? { truncated: true } : {}),
        ...(skipped ? { annotationsSkipped: skipped } : {}),
        ...(degraded.length ? { degraded } : {}),
      };
    });
  return options.highlight ? asOwnWrite(run) : run();
}

export async function clearMarks(host: ExcelHost): Promise<ClearResult> {
  return asOwnWrite(() =>
    host.run(async (ctx) => {
      const meter = new Meter();
      const sheets = ctx.workbook.worksheets;
      sheets.load('items/name');
      const annotations = loadAnnotations(ctx, host);
      await meter.sync(ctx);
      const names = sheets.items.map((s) => s.name);
      const marksExists = names.includes(MARKS_SHEET);
      const ours = [...(annotations.notes?.items ?? []), ...(annotations.comments?.items ?? [])].filter((i) => isOurAnnotation(i.content)).length;
      if (!marksExists && ours === 0) return { restored: 0, cost: meter.cost() };

      const degraded: string[] = [];
      let restored = 0;
      if (marksExists) {
        if (!host.supports('ExcelApi', '1.9')) {
          degraded.push(both('이 Excel(ExcelApi 1.9 미만)에서는 표시를 되돌릴 수 없습니다', 'this Excel (below ExcelApi 1.9) cannot restore the highlighted cells'));
        } else {
          const old = queueOldMarks(ctx);
          await meter.sync(ctx);
          const { records, fills } = readOldMarks(old);
          if (!records.length && ours === 0) return { restored: 0, cost: meter.cost() };
          restored = queueRestore(ctx, records, fills, new Set(names));
          // Emptied, not deleted: deleting a sheet clears the user's undo history (see queueMarksSheet).
          if (records.length) queueEmptyMarksSheet(ctx);
        }
      }
      const removed = queueDeleteOurAnnotations(annotations);
      await meter.sync(ctx);
      return { restored, annotationsRemoved: removed, cost: meter.cost(), ...(degraded.length ? { degraded } : {}) };
    }),
  );
}
