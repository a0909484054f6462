/**
 * Accepted findings (수용) in the workbook, through the Office.js adapter and the strict double: accepting
 * survives save and reopen and a re-check, restoring brings the finding back, and the plan's own cells
 * never change. Also: an untouched blank template is checked without a single finding or highlight.
 */
import { ACCEPTED_SHEET, insertTemplate, validate, writeAcceptances } from '../../../src/adapters/office';
import { acceptFinding, withoutAcceptance } from '../../../src/core/accepted';
import { blankDraft } from '../../../src/core/template/blank';
import { createExcelDouble, emptyWorkbook } from '../../office-double';
import { ALL_SETS, contents, inserted } from './helpers';

function withoutAccepted(c: Record<string, Record<string, unknown>>) {
  const { [ACCEPTED_SHEET]: _omit, ...rest } = c;
  return rest;
}

test('an accepted finding stays accepted after save, reopen and a re-check; restoring brings it back', async () => {
  const x = await inserted();
  const first = await validate(x.host, { lang: 'ko', highlight: false });
  const open = first.result.findings;
  expect(open.length).toBeGreaterThan(1);
  const target = open.find((f) => f.rule !== 'structure')!;
  const before = contents(x.snapshot());

  const acceptance = acceptFinding(target, '예산 출처가 달라 차이가 납니다 = 정상', new Date('2026-11-30T03:00:00Z'));
  const w = await writeAcceptances(x.host, [acceptance]);
  expect(w.cost.syncs).toBe(2);
  expect(x.sheet(ACCEPTED_SHEET)?.visibility).toBe('VeryHidden');
  // Only the bookkeeping sheet changed.
  expect(withoutAccepted(contents(x.snapshot()))).toEqual(before);

  // Save and reopen: a new Excel on the saved workbook.
  const reopened = createExcelDouble(x.snapshot(), { requirementSets: ALL_SETS });
  const again = await validate(reopened.host, { lang: 'ko', highlight: true });
  expect(again.result.findings).toHaveLength(open.length - 1);
  expect(again.result.findings).not.toContainEqual(target);
  expect(again.result.accepted).toHaveLength(1);
  expect(again.result.accepted[0].finding).toEqual(target);
  // Text that Excel would turn into a formula or a date comes back as written.
  expect(again.result.accepted[0].acceptance).toEqual(acceptance);
  expect(again.result.summary.error + again.result.summary.warning + again.result.summary.info).toBe(open.length - 1);

  // Restore: the finding is open again and the sheet is gone.
  await writeAcceptances(reopened.host, withoutAcceptance(again.result.acceptances, acceptance));
  expect(reopened.sheet(ACCEPTED_SHEET)).toBeUndefined();
  const restored = await validate(reopened.host, { lang: 'ko', highlight: false });
  expect(restored.result.findings).toHaveLength(open.length);
  expect(restored.result.accepted).toEqual([]);
});

test('an untouched blank template (live formulas, as inserted by the pane) gives no finding and no highlight', async () => {
  const x = createExcelDouble(emptyWorkbook(['Sheet1']), { requirementSets: ALL_SETS });
  await insertTemplate(x.host, blankDraft(), { formulas: true });
  const r = await validate(x.host, { lang: 'ko', highlight: true });
  expect(r.result.fatal).toBe(false);
  expect(r.result.findings.map((f) => `${f.cell} ${f.message}`)).toEqual([]);
  expect(r.marked).toBe(0);
  expect(r.result.progress).toMatchObject({ untouched: true, subprojects: { entered: 0, total: 15 } });

  // One 세부사업 typed in: it is progress, and only that row's own gaps are reported.
  const sheet = r.result.plan.tasks[0].subprojects[0].target.years[0].ref;
  x.userEdit(sheet.sheet, sheet.cell, [[12]]);
  const after = await validate(x.host, { lang: 'ko', highlight: true });
  expect(after.result.progress.subprojects.entered).toBe(1);
  expect(after.result.findings.length).toBeGreaterThan(0);
  for (const f of after.result.findings) expect(f.message).not.toMatch(/=[A-Z]+\(/);
});
