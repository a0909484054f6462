/**
 * The ribbon's Quick check tells the user what it found (a dialog), not only the console; the dialog
 * page is plain ES5 HTML that shows the counts, notes and failures it is given.
 */
import { parse } from 'acorn';
import { readFileSync } from 'fs';
import { JSDOM } from 'jsdom';
import * as path from 'path';
import { validateWorkbook } from '../../src/commands/commands';
import { consistentDraft } from '../support/plans';
import { inserted } from '../adapters/office/helpers';
import type { ExcelHost } from '../../src/adapters/office/api';
import { WORKBOOK_SETTINGS_KEY } from '../../src/core/config';
import { emptyWorkbook } from '../office-double';

type G = { Office?: unknown };
interface Opened {
  url: string;
  close: () => void;
}

function fakeOffice(dialogs: boolean): Opened[] {
  const opened: Opened[] = [];
  (globalThis as G).Office = {
    context: {
      displayLanguage: 'ko-KR',
      requirements: { isSetSupported: (set: string) => dialogs && set === 'DialogApi' },
      ui: {
        displayDialogAsync: (url: string, _o: unknown, cb: (r: unknown) => void) => {
          let handler: () => void = () => undefined;
          opened.push({ url, close: () => handler() });
          cb({ status: 'succeeded', value: { addEventHandler: (_t: unknown, h: () => void) => (handler = h) } });
        },
      },
    },
    AsyncResultStatus: { Succeeded: 'succeeded' },
    EventType: { DialogEventReceived: 'dialogEventReceived' },
  };
  return opened;
}

afterEach(() => {
  delete (globalThis as G).Office;
});

const tick = () => new Promise((r) => setTimeout(r, 20));

test('after checking, a dialog reports the counts and the marked cells; the command completes when it is closed', async () => {
  const draft = consistentDraft();
  draft.tasks[0].subprojects[0].target.total! += 3;
  const x = await inserted(draft);
  const opened = fakeOffice(true);
  let completed = false;
  const done = validateWorkbook({ completed: () => (completed = true) } as unknown as Office.AddinCommands.Event, x.host);
  for (let i = 0; i < 50 && !opened.length; i++) await tick();
  expect(opened).toHaveLength(1);
  const q = new URL(opened[0].url).searchParams;
  expect(new URL(opened[0].url).pathname).toMatch(/quickcheck\.html$/);
  expect(Number(q.get('error'))).toBeGreaterThan(0);
  expect(Number(q.get('marked'))).toBeGreaterThan(0);
  expect(q.get('lang')).toBe('ko');
  expect(completed).toBe(false);
  opened[0].close();
  await done;
  expect(completed).toBe(true);
});

test('a failure is reported too', async () => {
  const opened = fakeOffice(true);
  const broken: ExcelHost = { run: async () => Promise.reject(new Error('Excel is busy')), supports: () => true };
  let completed = false;
  const done = validateWorkbook({ completed: () => (completed = true) } as unknown as Office.AddinCommands.Event, broken);
  for (let i = 0; i < 50 && !opened.length; i++) await tick();
  expect(new URL(opened[0].url).searchParams.get('failed')).toBe('Excel is busy');
  opened[0].close();
  await done;
  expect(completed).toBe(true);
});

test('without the dialog API the command still completes', async () => {
  const x = await inserted();
  fakeOffice(false);
  let completed = false;
  await validateWorkbook({ completed: () => (completed = true) } as unknown as Office.AddinCommands.Event, x.host);
  expect(completed).toBe(true);
});

describe("the workbook's check settings (jobtarget.config) are said in the dialog", () => {
  async function run(settings: Record<string, unknown>) {
    // The workbook as saved with its document settings (the strict double serves them as Settings 1.1 does).
    const x = await inserted(consistentDraft(), '1.18', { ...emptyWorkbook(['Sheet1']), settings });
    const opened = fakeOffice(true);
    const done = validateWorkbook({ completed: () => undefined } as unknown as Office.AddinCommands.Event, x.host);
    for (let i = 0; i < 50 && !opened.length; i++) await tick();
    const notes = new URL(opened[0].url).searchParams.getAll('note');
    opened[0].close();
    await done;
    return notes;
  }
  test('a broken setting: not used, with each problem', async () => {
    const notes = await run({ [WORKBOOK_SETTINGS_KEY]: { rules: { 'no-such-rule': 'off' } } });
    expect(notes.join('\n')).toMatch(/검증 설정을 쓰지 않았습니다.*no-such-rule/);
  });
  test('a valid setting: the rules it changed', async () => {
    const notes = await run({ [WORKBOOK_SETTINGS_KEY]: { rules: { 'row-total': 'warn' } } });
    expect(notes.join('\n')).toMatch(/규칙 1개의 심각도를 바꿨습니다: row-total → 경고/);
  });
  test('no setting: no note about it', async () => {
    expect((await run({})).join('\n')).not.toMatch(/jobtarget\.config/);
  });
});

describe('quickcheck.html', () => {
  const html = readFileSync(path.resolve(__dirname, '../../src/commands/quickcheck.html'), 'utf8');
  const script = /<script>([\s\S]*?)<\/script>/.exec(html)![1];
  const render = (query: string) => {
    const dom = new JSDOM(html, { runScripts: 'dangerously', url: `https://addins.example/quickcheck.html?${query}` });
    const text = dom.window.document.body.textContent!.replace(/\s+/g, ' ');
    dom.window.close();
    return text;
  };
  test('its script is ES5', () => {
    expect(() => parse(script, { ecmaVersion: 5 })).not.toThrow();
  });
  test('shows counts, marked cells and notes in the user’s language; markup in a note stays text', () => {
    const ko = render('lang=ko&error=2&warning=1&info=0&marked=7&note=%3Cb%3Eok%3C%2Fb%3E');
    expect(ko).toMatch(/오류 2/);
    expect(ko).toMatch(/경고 1/);
    expect(ko).toMatch(/셀 7개/);
    expect(ko).toContain('<b>ok</b>');
    expect(render('lang=en&error=0&warning=0&info=3&marked=3')).toMatch(/Info 3/);
  });
  test('shows a failure', () => {
    expect(render('lang=en&failed=Excel%20is%20busy')).toMatch(/could not run.*Excel is busy/);
  });
});
