/** @jest-environment jsdom */
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ALL_SEVERITIES, countBySeverity, filterFindings } from '../../src/taskpane/model/findings';
import { exampleValidation } from './fake-adapter';
import { idle, renderPane } from './render';
import { installDomStubs } from './setup';

jest.mock('../../src/adapters/office', () => require('./fake-adapter').adapterMock());

beforeAll(installDomStubs);

const { findings, summary } = exampleValidation().result;

test('filterFindings keeps the checked severities; counts add up', () => {
  expect(countBySeverity(findings)).toEqual(summary);
  expect(filterFindings(findings, ALL_SEVERITIES)).toHaveLength(findings.length);
  expect(filterFindings(findings, { error: false, warning: true, info: false }).every((f) => f.severity === 'warning')).toBe(true);
  expect(filterFindings(findings, { error: false, warning: false, info: false })).toEqual([]);
});

async function validated() {
  const user = userEvent.setup();
  renderPane({ initialTab: 'validate' });
  await user.click(screen.getByRole('button', { name: '검증' }));
  await screen.findByTestId('findings');
  await idle();
  return user;
}

const items = () => within(screen.getByTestId('findings')).getAllByRole('button', { expanded: false });
/** Each item's severity, from the hidden word the icon carries (severity is never colour alone). */
const severities = () => items().map((b) => b.textContent!.split(':')[0]);

test('one toggle per severity present, pressed by default, with its count and icon; no typed check mark', async () => {
  await validated();
  const bar = screen.getByRole('group', { name: '심각도 필터' });
  const toggles = within(bar).getAllByRole('button');
  const present = (['error', 'warning', 'info'] as const).filter((s) => summary[s] > 0);
  const names = { error: '오류', warning: '경고', info: '정보' };
  expect(toggles.map((b) => b.textContent)).toEqual(present.map((s) => `${names[s]} ${summary[s]}`));
  expect(toggles.map((b) => b.getAttribute('aria-pressed'))).toEqual(present.map(() => 'true'));
  for (const b of toggles) {
    expect(b.textContent).not.toMatch(/✓/);
    expect(b.querySelector('[data-severity-icon] svg')).not.toBeNull();
  }
  expect(items()).toHaveLength(findings.length);
});

test('the counts are shown once: not in the status line, no badge row, no zero-count toggle', async () => {
  await validated();
  expect(screen.getByTestId('status').textContent).not.toMatch(/오류 \d|경고 \d/);
  const bar = screen.getByTestId('severity-counts');
  const text = document.body.textContent ?? '';
  for (const [name, n] of [['오류', summary.error], ['경고', summary.warning]] as const) {
    if (n) expect(text.split(`${name} ${n}`).length - 1).toBe(1);
  }
  expect(within(bar).queryByText(/ 0$/)).toBeNull();
});

test('turning severities off hides their findings; the toggles keep the totals', async () => {
  const user = await validated();
  const bar = screen.getByRole('group', { name: '심각도 필터' });
  await user.click(within(bar).getByRole('button', { name: `오류 ${summary.error}` }));
  expect(within(bar).getByRole('button', { name: `오류 ${summary.error}` }).getAttribute('aria-pressed')).toBe('false');
  expect(items()).toHaveLength(summary.warning + summary.info);
  expect(new Set(severities())).toEqual(new Set(['경고', ...(summary.info ? ['정보'] : [])]));

  await user.click(within(bar).getByRole('button', { name: `경고 ${summary.warning}` }));
  if (summary.info) {
    await user.click(within(bar).getByRole('button', { name: `정보 ${summary.info}` }));
  }
  expect(screen.queryByTestId('findings')).toBeNull();
  expect(screen.getByText('선택한 심각도의 항목이 없습니다.')).toBeTruthy();

  await user.click(within(bar).getByRole('button', { name: `오류 ${summary.error}` }));
  expect(items()).toHaveLength(summary.error);
  expect(new Set(severities())).toEqual(new Set(['오류']));
});

test('a plan without findings says everything adds up', async () => {
  const adapter = jest.requireMock('../../src/adapters/office');
  const v = exampleValidation();
  adapter.validate.mockResolvedValueOnce({ ...v, marked: 0, result: { ...v.result, findings: [], summary: { error: 0, warning: 0, info: 0 } } });
  const user = userEvent.setup();
  renderPane({ initialTab: 'validate' });
  await user.click(screen.getByRole('button', { name: '검증' }));
  expect((await screen.findAllByText('문제가 없습니다. 합계와 목표가 모두 맞습니다.')).length).toBe(1);
  expect(screen.queryByRole('group', { name: '심각도 필터' })).toBeNull();
});
