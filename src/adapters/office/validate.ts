/**
 * Validate (and optionally highlight) the open workbook, and clear the highlights.
 *
 * validate, round trips:
 *   1. sheet names; notes/comments with their text (when highlighting)
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
import { a1, parseRange } from '../../core/grid/a1';
import { validateGrid } from '../../core/validate';
import { MARKS_SHEET, MAX_MARKED_CELLS, RESULTS_SHEET, type ClearResult, type ExcelHost, type ValidateOptions, type ValidateResult } from './api';
import { Meter, NoticeList, asOwnWrite } from './host';
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
  layoutMarks,
  keptRecords,
  cellKey,
  type WriteMarksInput,
  type MarkRecord,
  type SavedFill,
} from './marks';
import { collectGrid, isPayloadError, mergedAreasOf, readSheets } from './read';
import { RESULTS_TITLE_KO, RESULTS_TITLE_EN } from './results';
import { readWorkbookConfig, severitiesOf } from './settings';

interface OldMarks {
  records: Excel.Range;
  snaps: Excel.Range;
  props: OfficeExtension.ClientResult<Excel.CellProperties[][]>;
}

/**
 * The record rows (A:F) and the saved formats (from column H on, never empty: H1 has a label): their
 * formulas (the targets, as Excel rewrote them since) and fills.
 */
function queueOldMarks(ctx: Excel.RequestContext): OldMarks {
  const marks = ctx.workbook.worksheets.getItem(MARKS_SHEET);
  const records = marks.getRange('A:F').getUsedRange(true);
  records.load('formulas,rowIndex,columnIndex');
  const snaps = marks.getRange(SNAP_AREA).getUsedRange();
  snaps.load('formulas,rowIndex,columnIndex');
  const props = snaps.getCellProperties(FILL_PROPS);
  return { records, snaps, props };
}

function readOldMarks(old: OldMarks): { records: MarkRecord[]; fills: (SavedFill | null)[][][] } {
  const records = parseRecords(old.records.formulas, old.records.rowIndex, old.records.columnIndex, old.snaps);
  const fills = savedFills(records, old.props.value as unknown as Parameters<typeof savedFills>[1], old.snaps.rowIndex, old.snaps.columnIndex);
  return { records, fills };
}

/**
 * The highlight round trip: `before` (restores, removals) and the marks. A request Excel refuses for
 * its size is refused whole (nothing applied), so it is redone split in two, and so on: the first part
 * carries `before`. An annotation Excel refuses stops only the annotations queued after it (they come
 * last in their part); the rest is written without annotations.
 */
async function writeMarks(ctx: Excel.RequestContext, meter: Meter, input: WriteMarksInput, before: () => void): Promise<{ skipped: number; annotationRefused: boolean }> {
  const placed = layoutMarks(input.targets, input.keep?.start);
  const parts: { from: number; to: number }[] = [{ from: 0, to: placed.length }];
  let first = true;
  let annotate = true;
  let annotationRefused = false;
  let skipped = 0;
  while (parts.length) {
    const { from, to } = parts[0];
    if (first) before();
    const queued = placed.length ? queueMarks(ctx, input, placed, { from, to, first, annotate }) : { annotated: 0, skipped: 0 };
    try {
      await meter.sync(ctx);
    } catch (e) {
      if (isPayloadError(e) && to - from > 1) {
        const mid = from + Math.floor((to - from) / 2);
        parts.splice(0, 1, { from, to: mid }, { from: mid, to });
        continue;
      }
      if (isPayloadError(e) || !queued.annotated) throw e;
      // Everything before the refused annotation was applied.
      annotationRefused = true;
      annotate = false;
    }
    skipped += queued.skipped;
    first = false;
    parts.shift();
  }
  return { skipped, annotationRefused };
}

type Protections = { name: string; protection: Excel.WorksheetProtection }[];

/** Queues whether each sheet is protected (WorksheetProtection.protected, ExcelApi 1.2). */
function queueProtections(ctx: Excel.RequestContext, names: readonly string[]): Protections {
  return names.map((name) => {
    const protection = ctx.workbook.worksheets.getItem(name).protection;
    protection.load('protected');
    return { name, protection };
  });
}

function protectedSheets(p: Protections): string[] {
  return p.filter((x) => x.protection.protected).map((x) => x.name);
}

export async function validate(host: ExcelHost, options: ValidateOptions): Promise<ValidateResult> {
  const run = () =>
    host.run(async (ctx) => {
      const meter = new Meter();
      const degraded = new NoticeList();
      const annotationKind = options.highlight ? annotationFor(host) : 'none';
      const highlight = options.highlight && annotationKind !== 'none';
      if (options.highlight && !highlight) {
        degraded.push('이 Excel은 셀 표시 기능을 지원하지 않아 표시하지 않았습니다', 'this Excel cannot highlight cells: none were highlighted', 'ExcelApi 1.9');
      }
      const areasOf = host.supports('ExcelApi', '1.13') ? mergedAreasOf : null;

      // 1. What sheets are there; which notes/comments.
      const sheets = ctx.workbook.worksheets;
      sheets.load('items/name');
      const annotations = highlight ? loadAnnotations(ctx, host) : { notes: null, comments: null };
      await meter.sync(ctx);
      const names = sheets.items.map((s) => s.name);
      const marksExists = names.includes(MARKS_SHEET);
      const planNames = names.filter((n) => n !== MARKS_SHEET);

      // 2. Read everything in one round trip (with the old marks and where the user's notes are).
      let old: OldMarks | null = null;
      let userAnnotations: Excel.Range[] = [];
      let protections: Protections = [];
      const { reads, mergesMissing } = await readSheets(ctx, planNames, areasOf, meter, () => {
        old = highlight && marksExists ? queueOldMarks(ctx) : null;
        protections = highlight ? queueProtections(ctx, planNames) : [];
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
      if (!areasOf) {
        degraded.push('병합 셀 정보를 읽지 못해 병합 없이 읽었습니다', 'this Excel does not list merged areas: read without merges', 'ExcelApi 1.13');
      } else if (mergesMissing) {
        degraded.push('Excel이 병합 셀 정보를 주지 않아 병합 없이 검증했습니다', 'Excel refused to list the merged areas: checked without them');
      }

      // The workbook's reviewer settings (document settings, no round trip): rule severities, or off.
      const config = options.config ?? (await readWorkbookConfig(host));
      const result = validateGrid(grid, { lang: options.lang, severities: severitiesOf(config) });
      const facts = { config, sheets: planNames };
      if (!highlight) {
        return { result, ...facts, annotation: 'none' as const, marked: 0, cost: meter.cost(), ...degraded.fields() };
      }

      // 3. Replace the marks.
      // Excel refuses any change to a protected sheet: its cells are checked, not marked.
      const locked = protectedSheets(protections);
      const existing = new Set(planNames.filter((n) => !locked.includes(n)));
      if (locked.length) {
        degraded.push(`보호된 시트(${locked.join(', ')})의 셀은 표시하지 않았습니다`, `cells on protected sheets (${locked.join(', ')}) were not highlighted`);
      }
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
      // Our notes from a newer Excel (ExcelApi 1.18) on an Excel that has only comments: it can neither
      // see nor remove them, and a comment cannot go where a note is. Leave those cells alone.
      const strandedNotes = annotationKind === 'notes' ? [] : (oldMarks?.records ?? []).filter((r) => r.annotation === 'note' && !r.gone);
      for (const rec of strandedNotes) {
        for (let r = rec.rect.r0; r <= rec.rect.r1; r++) for (let c = rec.rect.c0; c <= rec.rect.c1; c++) occupied.add(cellKey(rec.sheet, a1(r, c)));
      }
      if (strandedNotes.length) {
        degraded.push('더 최신 Excel에서 단 메모가 남아 있습니다 (이 Excel은 메모를 지울 수 없음)', 'notes added by a newer Excel remain (this Excel cannot remove notes)');
      }
      // Old marks on a protected sheet could not be restored: their records stay, for a later 지우기.
      const keep = oldMarks ? keptRecords(oldMarks.records, locked) : undefined;
      const input = { targets: plan.targets, annotation: annotationKind, lang: options.lang, occupied, marksSheetExists: marksExists, collections: annotations, keep };
      const written = await writeMarks(ctx, meter, input, () => {
        if (oldMarks) queueRestore(ctx, oldMarks.records, oldMarks.fills, existing);
        queueDeleteOurAnnotations(annotations);
        if (!plan.targets.length && marksExists && oldMarks?.records.length) queueEmptyMarksSheet(ctx, keep);
      });
      const skipped = written.skipped;
      if (written.annotationRefused) {
        degraded.push('Excel이 일부 셀에 메모/댓글을 달지 못했습니다 (이미 메모가 있는 셀)', 'Excel refused to annotate some cells (a note was already there)');
      }
      if (plan.truncated) {
        degraded.push(`표시할 셀이 너무 많아 심각한 순서로 ${plan.cells}개만 표시했습니다 (전체 목록은 검증결과 시트)`, `too many cells to highlight: the ${plan.cells} most severe were marked (the 검증결과 sheet lists all)`);
      }
      if (skipped) {
        degraded.push(`사용자 메모/댓글이 있는 ${skipped}개 셀에는 메모를 달지 않았습니다`, `${skipped} cells already had a user note/comment and were not annotated`);
      }
      return {
        result,
        ...facts,
        annotation: annotationKind,
        marked: plan.cells,
        cost: meter.cost(),
        ...(plan.truncated ? { truncated: true } : {}),
        ...(skipped ? { annotationsSkipped: skipped } : {}),
        ...degraded.fields(),
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

      const degraded = new NoticeList();
      let restored = 0;
      if (marksExists) {
        if (!host.supports('ExcelApi', '1.9')) {
          degraded.push('이 Excel에서는 표시를 되돌릴 수 없습니다', 'this Excel cannot restore the highlighted cells', 'ExcelApi 1.9');
        } else {
          const old = queueOldMarks(ctx);
          const protections = queueProtections(ctx, names.filter((n) => n !== MARKS_SHEET));
          await meter.sync(ctx);
          const { records, fills } = readOldMarks(old);
          if (!records.length && ours === 0) return { restored: 0, cost: meter.cost() };
          const locked = protectedSheets(protections);
          const stuck = records.filter((r) => locked.includes(r.sheet));
          restored = queueRestore(ctx, records, fills, new Set(names.filter((n) => !locked.includes(n))));
          // Emptied, not deleted: deleting a sheet clears the user's undo history (see queueMarksSheet).
          // Marks on a protected sheet stay recorded, so clearing again after unprotecting restores them;
          // the others, restored now, are dropped (a second 지우기 must not put their old fills back).
          if (records.length) queueEmptyMarksSheet(ctx, keptRecords(records, locked));
          if (stuck.length) {
            const sheetsList = [...new Set(stuck.map((r) => r.sheet))].join(', ');
            degraded.push(`보호된 시트(${sheetsList})의 표시는 지우지 못했습니다. 보호를 해제하고 다시 지우세요`, `marks on protected sheets (${sheetsList}) were not removed: unprotect them and clear again`);
          }
        }
      }
      const removed = queueDeleteOurAnnotations(annotations);
      await meter.sync(ctx);
      return { restored, annotationsRemoved: removed, cost: meter.cost(), ...degraded.fields() };
    }),
  );
}
