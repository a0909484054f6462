/**
 * The adapter's notices (why an action did less than asked) come twice: `notices` as {ko, en} for the pane,
 * worded for an official (no requirement-set names; `requires` names the set for developers), and
 * `degraded` as the "ko (set) / en (set)" lines the ribbon command shows.
 */
import { clearMarks, validate } from '../../../src/adapters/office';
import { createExcelDouble } from '../../office-double';
import { exampleDraft, inserted } from './helpers';

test('an old Excel: notices in both languages without API names, the set kept apart; degraded lines as before', async () => {
  const x = await inserted(exampleDraft(), '1.8');
  const r = await validate(x.host, { lang: 'ko', highlight: true });
  expect(r.notices).toEqual([
    { ko: '이 Excel은 셀 표시 기능을 지원하지 않아 표시하지 않았습니다', en: 'this Excel cannot highlight cells: none were highlighted', requires: 'ExcelApi 1.9' },
    { ko: '병합 셀 정보를 읽지 못해 병합 없이 읽었습니다', en: 'this Excel does not list merged areas: read without merges', requires: 'ExcelApi 1.13' },
  ]);
  expect(r.degraded).toEqual([
    '이 Excel은 셀 표시 기능을 지원하지 않아 표시하지 않았습니다 (ExcelApi 1.9) / this Excel cannot highlight cells: none were highlighted (ExcelApi 1.9)',
    '병합 셀 정보를 읽지 못해 병합 없이 읽었습니다 (ExcelApi 1.13) / this Excel does not list merged areas: read without merges (ExcelApi 1.13)',
  ]);
  // marked in a current Excel, then opened in the old one and cleared
  const marked = await inserted();
  await validate(marked.host, { lang: 'ko', highlight: true });
  const old = createExcelDouble(marked.snapshot(), { requirementSets: { ExcelApi: '1.8' } });
  const c = await clearMarks(old.host);
  expect(c.notices).toEqual([{ ko: '이 Excel에서는 표시를 되돌릴 수 없습니다', en: 'this Excel cannot restore the highlighted cells', requires: 'ExcelApi 1.9' }]);
  expect(c.degraded).toHaveLength(1);
});

test('a current Excel has nothing to say: neither field is there', async () => {
  const x = await inserted();
  const r = await validate(x.host, { lang: 'en', highlight: true });
  expect(r.notices).toBeUndefined();
  expect(r.degraded).toBeUndefined();
});
