/** @jest-environment jsdom */
/**
 * The pane shows what core/present says: every line is present's severity name, the cell and present's
 * headline, in present's order, in the pane's language (English text in the English pane); nothing in
 * src/taskpane cuts text out of a finding's message. And the workbook's check settings (jobtarget.config)
 * are shown: which rules they changed, or why they were not used.
 */
import { readFileSync, readdirSync, statSync } from 'fs';
import * as path from 'path';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import * as adapter from '../../src/adapters/office';
import type { ValidateResult } from '../../src/adapters/office/api';
import { headline, orderFindings, severityName } from '../../src/core/present';
import { ALL_RULES } from '../../src/core/rules';
import type { Lang } from '../../src/core/rules/types';
import { exampleValidation, type AdapterMock } from './fake-adapter';
import { idle, renderPane } from './render';
import { installDomStubs } from './setup';

jest.mock('../../src/adapters/office', () => require('./fake-adapter').adapterMock());
const mock = adapter as unknown as AdapterMock;

beforeAll(installDomStubs);
beforeEach(() => jest.clearAllMocks());

async function validated(lang: Lang, result?: ValidateResult) {
  if (result) mock.validate.mockResolvedValueOnce(result);
  const user = userEvent.setup();
  renderPane({ lang, initialTab: 'validate' });
  await user.click(screen.getByRole('button', { name: lang === 'en' ? 'Check' : '검증' }));
  await screen.findByTestId(result?.result.findings.length === 0 ? 'no-findings' : 'findings');
  await idle();
  return user;
}

for (const lang of ['ko', 'en'] as const) {
  test(`every line is present's severity name, cell and headline in the pane's language, in present's order (${lang})`, async () => {
    await validated(lang);
    const v = exampleValidation(lang);
    const want = orderFindings(v.result.findings, v.sheets!, ALL_RULES.map((r) => r.meta.id));
    const buttons = within(screen.getByTestId('findings')).getAllByRole('button', { expanded: false });
    expect(buttons.map((b) => `${b.dataset.rule} ${b.dataset.cell}`)).toEqual(want.map((f) => `${f.rule} ${f.cell}`));
    expect(buttons.map((b) => b.textContent)).toEqual(want.map((f) => `${severityName(f.severity, lang)}: ${f.cell}${headline(f, lang)}`));
    if (lang === 'en') {
      // English throughout, outside the names the workbook writes (areas, tasks, 세부사업, indicators, items)
      for (const b of buttons) {
        const f = want.find((x) => x.cell === b.dataset.cell && x.rule === b.dataset.rule)!;
        const p = f.place;
        const names = [p?.table.name, p?.area, p?.task?.name, p?.subproject, p?.indicator, ...(p?.item ?? []), ...Object.values(f.data).filter((d): d is string => typeof d === 'string')];
        let text = b.textContent ?? '';
        for (const n of names.filter(Boolean).sort((a, b) => b!.length - a!.length)) text = text.split(n!).join('');
        expect({ cell: f.cell, text, hangul: /[\uac00-\ud7a3]/.test(text) }).toEqual({ cell: f.cell, text, hangul: false });
      }
    }
  });
}

test('the English pane: severity words and table headings from core/present', async () => {
  await validated('en');
  const list = screen.getByTestId('findings');
  expect(within(list).getByRole('heading', { level: 3, name: /^Targets by area \(\d+\)$/ })).toBeTruthy();
  expect(within(list).getAllByRole('button', { name: /^error: / }).length).toBe(exampleValidation('en').result.summary.error);
});

describe('the workbook’s check settings (jobtarget.config)', () => {
  test('applied: the pane says which rules they changed, with present’s severity names', async () => {
    const v = exampleValidation();
    await validated('ko', { ...v, config: { source: 'workbook', rules: { 'area-total': 'warning', 'mixed-units': 'off' }, problems: [] } });
    expect(screen.getByTestId('config-note').textContent).toBe('통합 문서의 검증 설정(jobtarget.config)에 따라 규칙 2개의 심각도를 바꿨습니다: area-total → 경고, mixed-units → 끔');
  });

  test('broken: a visible warning with every problem in the pane’s language; the findings are the defaults', async () => {
    const v = exampleValidation('en');
    const problems = [
      { ko: '모르는 규칙입니다: row-totl', en: 'unknown rule: row-totl' },
      { ko: 'x의 심각도를 모릅니다', en: 'x: unknown severity "loud"' },
    ];
    await validated('en', { ...v, config: { source: 'invalid', rules: {}, problems } });
    const note = screen.getByTestId('config-note');
    expect(note.textContent).toContain("The workbook's check settings were not used");
    expect(note.textContent).toContain('every rule was checked at its default severity');
    expect(within(note).getAllByRole('listitem').map((li) => li.textContent)).toEqual(problems.map((p) => p.en));
    expect(within(screen.getByTestId('findings')).getAllByRole('listitem')).toHaveLength(v.result.findings.length);
  });

  test('none, or no document settings in this Excel: nothing said', async () => {
    await validated('ko');
    expect(screen.queryByTestId('config-note')).toBeNull();
    jest.clearAllMocks();
  });
});

test('nothing in src/taskpane reads a finding’s message text (it takes present’s texts) or keeps its own severity words', () => {
  const root = path.join(__dirname, '..', '..', 'src', 'taskpane');
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const p = path.join(dir, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (/\.tsx?$/.test(name)) files.push(p);
    }
  };
  walk(root);
  expect(files.length).toBeGreaterThan(10);
  for (const file of files) {
    const code = readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/.*$/gm, '');
    const rel = path.relative(root, file);
    expect({ rel, messageEn: /\bmessageEn\b/.test(code) }).toEqual({ rel, messageEn: false });
    expect({ rel, message: /\b(f|finding|x)\.message\b/.test(code) }).toEqual({ rel, message: false });
    expect({ rel, toLocaleString: /toLocaleString\(/.test(code) }).toEqual({ rel, toLocaleString: false });
  }
});
