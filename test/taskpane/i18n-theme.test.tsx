/** @jest-environment jsdom */
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import * as adapter from '../../src/adapters/office';
import { chooseHost, chooseLang, chooseTheme, officeReady } from '../../src/taskpane/bootstrap';
import { en, ko, langFromDisplayLanguage, translator } from '../../src/taskpane/i18n';
import { luminance, themeFromBackground } from '../../src/taskpane/theme';
import { fakeHost, type AdapterMock } from './fake-adapter';
import { renderPane } from './render';
import { installDomStubs } from './setup';

jest.mock('../../src/adapters/office', () => require('./fake-adapter').adapterMock());
const mock = adapter as unknown as AdapterMock;

beforeAll(installDomStubs);
beforeEach(() => jest.clearAllMocks());

test('English when Office’s display language is English, Korean otherwise', () => {
  expect(langFromDisplayLanguage('en-US')).toBe('en');
  expect(langFromDisplayLanguage('en-GB')).toBe('en');
  expect(langFromDisplayLanguage('ko-KR')).toBe('ko');
  expect(langFromDisplayLanguage('ja-JP')).toBe('ko');
  expect(langFromDisplayLanguage(undefined)).toBe('ko');
});

test('every Korean string has an English one, with the same placeholders', () => {
  for (const key of Object.keys(ko) as (keyof typeof ko)[]) {
    expect(en[key]).toBeTruthy();
    const ph = (s: string) => (s.match(/\{\w+\}/g) ?? []).sort();
    expect([key, ph(en[key])]).toEqual([key, ph(ko[key])]);
  }
  expect(translator('en')('summary', { error: 1, warning: 2, info: 3 })).toBe('1 errors, 2 warnings, 3 info');
});

test('dark theme when the Office body background is dark', () => {
  expect(themeFromBackground('#262626')).toBe('dark');
  expect(themeFromBackground('#1f1f1f')).toBe('dark');
  expect(themeFromBackground('#FFFFFF')).toBe('light');
  expect(themeFromBackground('#e6e6e6')).toBe('light');
  expect(themeFromBackground(undefined)).toBe('light');
  expect(themeFromBackground('not a colour')).toBe('light');
  expect(luminance('#000')).toBe(0);
});

describe('bootstrap', () => {
  const win = (search = '', extra: Partial<Window> = {}) => ({ location: { search }, ...extra }) as unknown as Window;

  test('language and theme: query string, then test hooks, then Office', () => {
    const office = { inOffice: true, displayLanguage: 'en-US', bodyBackgroundColor: '#222222' };
    expect(chooseLang(win(), office)).toBe('en');
    expect(chooseLang(win('?lang=ko'), office)).toBe('ko');
    expect(chooseLang(win('', { __JOBTARGET_LANG__: 'ko' }), office)).toBe('ko');
    expect(chooseTheme(win(), office)).toBe('dark');
    expect(chooseTheme(win('?theme=light'), office)).toBe('light');
    expect(chooseTheme(win('', { __JOBTARGET_THEME__: 'light' }), office)).toBe('light');
  });

  test('an injected host wins; inside Office the default host; outside neither', () => {
    const injected = fakeHost();
    const made = fakeHost();
    const make = () => made;
    expect(chooseHost(win('', { __JOBTARGET_HOST__: injected }), { inOffice: false }, make)).toBe(injected);
    expect(chooseHost(win(), { inOffice: true }, make)).toBe(made);
    expect(chooseHost(win(), { inOffice: false }, make)).toBeNull();
  });

  test('without office.js, officeReady resolves at once as "not in Office"', async () => {
    await expect(officeReady(10)).resolves.toEqual({ inOffice: false });
  });
});

test('the pane in English, dark', async () => {
  const user = userEvent.setup();
  const { container } = renderPane({ lang: 'en', theme: 'dark' });
  expect(container.querySelector('[data-theme="dark"]')).toBeTruthy();
  // No h1 repeating the add-in's name (Excel shows it in the pane's title bar).
  expect(screen.queryByRole('heading', { level: 1 })).toBeNull();
  expect(screen.getByTestId('insert-period').textContent).toBe('Plan period 2027–2030 · base year 2026');
  await user.click(screen.getByRole('tab', { name: 'Check' }));
  await user.click(screen.getByRole('button', { name: 'Check' }));
  expect(mock.validate).toHaveBeenCalledWith(expect.anything(), { lang: 'en', highlight: true });
  await screen.findByTestId('findings');
  // One heading per table, in English, not the Korean sheet name above an English table name.
  expect(screen.getByRole('heading', { level: 3, name: /^Targets by area \(\d+\)$/ })).toBeTruthy();
  expect(screen.queryByRole('heading', { name: /^분야별 목표/ })).toBeNull();
  // findings show the English messages
  const first = screen.getAllByRole('button', { name: /^error: / })[0];
  expect(first.textContent).toMatch(/[A-Za-z]/);
  expect(first.textContent).not.toMatch(/[가-힣]{4,}합니다/);
});

test('outside Excel (no host) the pane says so once, and every action is disabled', async () => {
  const user = userEvent.setup();
  renderPane({ host: null as never });
  expect(screen.getAllByText(/Excel에 연결되지 않았습니다/)).toHaveLength(1);
  expect(screen.getByTestId('no-host').textContent).toMatch(/추가 기능/);
  expect(screen.getByRole('button', { name: '서식 삽입' })).toHaveProperty('disabled', true);
  await user.click(screen.getByRole('tab', { name: '검증' }));
  for (const name of ['검증', '지우기', '검증결과 시트 만들기']) expect(screen.getByRole('button', { name })).toHaveProperty('disabled', true);
  expect(screen.getAllByText(/Excel에 연결되지 않았습니다/)).toHaveLength(1);
  expect(mock.insertTemplate).not.toHaveBeenCalled();
  expect(mock.validate).not.toHaveBeenCalled();
});

test('info is 정보 in the pane as in the CLI and the sheets', () => {
  expect(ko.info).toBe('정보');
  expect(Object.values(ko).join(' ')).not.toMatch(/참고/);
  for (const text of [...Object.values(ko), ...Object.values(en)]) expect(text).not.toMatch(/ExcelApi/);
});

describe('the adapter’s notices: the half in the pane’s language, requirement-set names never reach an official', () => {
  const notices = [
    { ko: '병합 셀 정보를 읽지 못해 병합 없이 읽었습니다', en: 'this Excel does not list merged areas: read without merges', requires: 'ExcelApi 1.13' },
    { ko: 'Excel이 일부 셀에 메모/댓글을 달지 못했습니다 (이미 메모가 있는 셀)', en: 'Excel refused to annotate some cells (a note was already there)' },
  ];
  const degraded = notices.map((n) => `${n.ko}${n.requires ? ` (${n.requires})` : ''} / ${n.en}${n.requires ? ` (${n.requires})` : ''}`);

  for (const lang of ['ko', 'en'] as const) {
    test(`after a check (${lang})`, async () => {
      const { exampleValidation } = jest.requireActual('./fake-adapter') as typeof import('./fake-adapter');
      mock.validate.mockResolvedValueOnce({ ...exampleValidation(lang), notices, degraded });
      const user = userEvent.setup();
      renderPane({ lang, initialTab: 'validate' });
      await user.click(screen.getByRole('button', { name: lang === 'en' ? 'Check' : '검증' }));
      await screen.findByTestId('findings');
      const status = screen.getByTestId('status').textContent ?? '';
      for (const n of notices) expect(status).toContain(n[lang]);
      for (const n of notices) expect(status).not.toContain(n[lang === 'en' ? 'ko' : 'en']);
      expect(status).not.toMatch(/ExcelApi| \/ /);
    });
  }

  test('after clearing', async () => {
    (mock.clearMarks as jest.Mock).mockResolvedValueOnce({ restored: 0, cost: { syncs: 1, cellsRead: 0, ms: 1 }, notices: [{ ko: '이 Excel에서는 표시를 되돌릴 수 없습니다', en: 'this Excel cannot restore the highlighted cells', requires: 'ExcelApi 1.9' }] });
    const user = userEvent.setup();
    renderPane({ lang: 'en', initialTab: 'validate' });
    await user.click(screen.getByRole('button', { name: 'Clear' }));
    await screen.findByText(/this Excel cannot restore the highlighted cells/);
    expect(screen.getByTestId('status').textContent).not.toMatch(/ExcelApi/);
  });
});

describe('too many cells to mark: said once, by the adapter’s notice', () => {
  // The notice the adapter adds with `truncated` (src/adapters/office/validate.ts).
  const truncation = { ko: '표시할 셀이 너무 많아 심각한 순서로 1968개만 표시했습니다 (전체 목록은 검증결과 시트)', en: 'too many cells to highlight: the 1968 most severe were marked (the 검증결과 sheet lists all)' };
  for (const lang of ['ko', 'en'] as const) {
    test(lang, async () => {
      const { exampleValidation } = jest.requireActual('./fake-adapter') as typeof import('./fake-adapter');
      mock.validate.mockResolvedValueOnce({ ...exampleValidation(lang), marked: 1968, truncated: true, notices: [truncation] });
      const user = userEvent.setup();
      renderPane({ lang, initialTab: 'validate' });
      await user.click(screen.getByRole('button', { name: lang === 'en' ? 'Check' : '검증' }));
      await screen.findByTestId('findings');
      const status = screen.getByTestId('status').textContent ?? '';
      expect(status).toContain(truncation[lang]);
      expect(status.match(lang === 'en' ? /too many cells/gi : /너무 많아/g)).toHaveLength(1);
    });
  }
});
