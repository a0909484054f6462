/**
 * validate() through the strict double: the same findings as the CLI path (core validateGrid on the
 * rendered grid), a constant number of round trips, nothing written into plan cells, and the
 * annotation the host's requirement sets allow.
 */
import { MARKS_SHEET, clearMarks, insertTemplate, validate } from '../../../src/adapters/office';
import { createExcelDouble, emptyWorkbook, seedCell } from '../../office-double';
import { bigDraft, contents, coreFindings, exampleDraft, findingKeys, formats, inserted, noteCount } from './helpers';

const FIVE_MB = 5 * 1024 * 1024;

describe('validate on the 인천 서구 example', () => {
  test('finds the same findings as the core engine on the rendered workbook (the CLI path)', async () => {
    const x = await inserted();
    const r = await validate(x.host, { lang: 'ko', highlight: false });
    const expected = coreFindings();
    expect(expected.length).toBeGreaterThan(0);
    expect(findingKeys(r.result.findings)).toEqual(findingKeys(expected));
    expect(r.result.fatal).toBe(false);
  });

  test('2 round trips to validate, 3 with highlighting; the cost reports them', async () => {
    const x = await inserted();
    const plain = await validate(x.host, { lang: 'ko', highlight: false });
    expect(x.syncCount()).toBe(2);
    expect(plain.cost.syncs).toBe(2);
    expect(plain.cost.cellsRead).toBeGreaterThan(1000);
    expect(plain.annotation).toBe('none');
    x.resetCounts();
    const marked = await validate(x.host, { lang: 'ko', highlight: true });
    expect(x.syncCount()).toBeLessThanOrEqual(3);
    expect(marked.cost.syncs).toBe(x.syncCount());
    expect(marked.marked).toBeGreaterThan(0);
    // Re-validating with marks present (they are replaced) still costs 3.
    x.resetCounts();
    await validate(x.host, { lang: 'ko', highlight: true });
    expect(x.syncCount()).toBeLessThanOrEqual(3);
  });

  test('validation writes no value or formula into the plan (highlighting, re-validating, clearing)', async () => {
    const x = await inserted();
    const before = contents(x.snapshot());
    await validate(x.host, { lang: 'ko', highlight: false });
    expect(contents(x.snapshot())).toEqual(before);
    await validate(x.host, { lang: 'en', highlight: true });
    expect(contents(x.snapshot())).toEqual(before);
    await validate(x.host, { lang: 'ko', highlight: true });
    expect(contents(x.snapshot())).toEqual(before);
    await clearMarks(x.host);
    expect(contents(x.snapshot())).toEqual(before);
  });

  test('messages follow the requested language', async () => {
    const x = await inserted();
    const en = await validate(x.host, { lang: 'en', highlight: false });
    const withMessage = en.result.findings.find((f) => f.rule !== 'structure')!;
    expect(withMessage.message).toBe(withMessage.messageEn);
  });

  test('a workbook without a plan is reported, not thrown', async () => {
    const x = createExcelDouble(emptyWorkbook(['Sheet1']));
    const r = await validate(x.host, { lang: 'ko', highlight: true });
    expect(r.result.fatal).toBe(true);
    expect(r.marked).toBe(0);
    expect(x.sheet(MARKS_SHEET)).toBeUndefined();
  });
});

describe('annotations follow the requirement sets', () => {
  test('ExcelApi 1.18: notes carrying the messages', async () => {
    const x = await inserted(exampleDraft(), '1.18');
    const r = await validate(x.host, { lang: 'ko', highlight: true });
    expect(r.annotation).toBe('notes');
    const notes = x.workbook.sheets.flatMap((s) => Object.values(s.notes));
    expect(notes.length).toBeGreaterThan(0);
    expect(notes.every((n) => n.content.startsWith('[jobtarget]'))).toBe(true);
    const first = r.result.findings.find((f) => f.cell && f.sheet)!;
    const all = notes.map((n) => n.content).join('\n');
    expect(all).toContain(first.message);
    expect(x.workbook.comments).toHaveLength(0);
  });

  test.each(['1.10', '1.17'])('ExcelApi %s: comments instead of notes', async (v) => {
    const x = await inserted(exampleDraft(), v);
    const r = await validate(x.host, { lang: 'ko', highlight: true });
    expect(r.annotation).toBe('comments');
    expect(noteCount(x.workbook)).toBe(0);
    expect(x.workbook.comments.length).toBeGreaterThan(0);
    expect(x.syncCount()).toBeLessThanOrEqual(3);
  });

  test('ExcelApi 1.9: fill only', async () => {
    const x = await inserted(exampleDraft(), '1.9');
    const r = await validate(x.host, { lang: 'ko', highlight: true });
    expect(r.annotation).toBe('fill-only');
    expect(r.marked).toBeGreaterThan(0);
    expect(noteCount(x.workbook)).toBe(0);
    expect(x.workbook.comments).toHaveLength(0);
    expect(x.sheet(MARKS_SHEET)?.visibility).toBe('VeryHidden');
  });

  test('below ExcelApi 1.9: no highlighting, said clearly, nothing touched', async () => {
    const x = await inserted(exampleDraft(), '1.8');
    const before = formats(x.snapshot());
    const r = await validate(x.host, { lang: 'ko', highlight: true });
    expect(r.annotation).toBe('none');
    expect(r.marked).toBe(0);
    expect(r.degraded?.join(' ')).toMatch(/1\.9/);
    expect(formats(x.snapshot())).toEqual(before);
    expect(x.sheet(MARKS_SHEET)).toBeUndefined();
    // Validation itself still works, with the same findings.
    expect(findingKeys(r.result.findings)).toEqual(findingKeys(coreFindings()));
  });

  test('without merged-area support (below 1.13) the findings are the same', async () => {
    const x = await inserted(exampleDraft(), '1.12');
    const r = await validate(x.host, { lang: 'ko', highlight: false });
    expect(findingKeys(r.result.findings)).toEqual(findingKeys(coreFindings()));
    expect(r.degraded?.join(' ')).toMatch(/1\.13/);
  });
});

describe('a generated plan with 5,000 세부사업', () => {
  test('insert ≤ 2 round trips; validate+highlight ≤ 3, every round trip under 5 MB; same findings as the core', async () => {
    const draft = bigDraft();
    const x = createExcelDouble(emptyWorkbook(['Sheet1']), { requirementSets: { ExcelApi: '1.18' } });
    const ins = await insertTemplate(x.host, draft, { formulas: false });
    expect(x.syncCount()).toBeLessThanOrEqual(2);
    expect(ins.cost.syncs).toBe(x.syncCount());
    x.resetCounts();

    const r = await validate(x.host, { lang: 'ko', highlight: true });
    expect(x.syncCount()).toBeLessThanOrEqual(3);
    expect(r.cost.syncs).toBe(x.syncCount());
    expect(r.cost.cellsRead).toBeGreaterThan(5000 * 2 * 5);
    for (const s of x.syncLog()) {
      expect(s.requestBytes).toBeLessThan(FIVE_MB);
      expect(s.responseBytes).toBeLessThan(FIVE_MB);
    }
    expect(findingKeys(r.result.findings)).toEqual(findingKeys(coreFindings(draft)));
    expect(r.result.summary.error).toBeGreaterThan(0);
    expect(r.marked).toBeGreaterThan(0);

    x.resetCounts();
    const c = await clearMarks(x.host);
    expect(x.syncCount()).toBeLessThanOrEqual(3);
    expect(c.restored).toBe(r.marked);
  }, 120_000);
});

describe('workbooks too big for one request', () => {
  test('a sheet taller than the first blocks costs one more round trip, not one per block', async () => {
    const x = await inserted();
    const data = x.workbook.sheets[0]; // 'Sheet1', next to the plan
    for (let r = 1; r <= 20_000; r++) seedCell(data, `A${r}`, r);
    const r = await validate(x.host, { lang: 'ko', highlight: false });
    expect(x.syncCount()).toBe(3);
    expect(r.cost.cellsRead).toBeGreaterThanOrEqual(20_000);
    expect(findingKeys(r.result.findings)).toEqual(findingKeys(coreFindings()));
  });

  test('when the one-request read is refused for its size, it is read in budget-sized pieces', async () => {
    // A tiny limit stands in for 5 MB; the pieces adapt when the size estimate was too low.
    const x = createExcelDouble((await inserted()).snapshot(), { requirementSets: { ExcelApi: '1.18' }, payloadLimitBytes: 40_000 });
    const r = await validate(x.host, { lang: 'ko', highlight: false });
    const log = x.syncLog();
    expect(log[1].failed).toMatch(/^(Response|Request)PayloadSizeLimitExceeded$/);
    expect(log.filter((s) => !s.failed).every((s) => s.responseBytes <= 40_000)).toBe(true);
    expect(r.cost.syncs).toBe(log.length);
    expect(findingKeys(r.result.findings)).toEqual(findingKeys(coreFindings()));
  });

  test('thousands of findings: the highlight round trip stays under 5 MB, most severe first, truncation said', async () => {
    const draft = bigDraft(false);
    // Every 세부사업 states a 성과목표 합계 that is 9 too high: 5,000 findings and their task totals.
    for (const t of draft.tasks) for (const sp of t.subprojects) sp.target.total! += 9;
    const x = await inserted(draft);
    const r = await validate(x.host, { lang: 'ko', highlight: true });
    expect(r.result.findings.length).toBeGreaterThan(5000);
    expect(x.syncCount()).toBeLessThanOrEqual(3);
    for (const s of x.syncLog()) expect(s.requestBytes).toBeLessThan(FIVE_MB);
    expect(r.truncated).toBe(true);
    expect(r.marked).toBeGreaterThan(0);
    expect(r.degraded?.join(' ')).toMatch(/검증결과/);
    const c = await clearMarks(x.host);
    expect(c.restored).toBe(r.marked);
  }, 120_000);
});

