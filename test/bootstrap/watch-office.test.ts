/** The pane's start-up does not give up on a slow Excel: after the wait it says so and connects when Office is ready. */
import { waitingMessage, watchOffice } from '../../src/taskpane/bootstrap';

type G = { Office?: unknown };
const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

function fakeOffice(readyAfterMs: number): void {
  (globalThis as G).Office = {
    onReady: () => new Promise((resolve) => setTimeout(() => resolve({ host: 'Excel', platform: 'PC' }), readyAfterMs)),
    context: { displayLanguage: 'en-US', officeTheme: { bodyBackgroundColor: '#ffffff' } },
  };
}

afterEach(() => {
  delete (globalThis as G).Office;
});

test('Office slower than the wait: first says "timed out", late brings the connection', async () => {
  fakeOffice(60);
  const w = watchOffice(10);
  await expect(w.first).resolves.toEqual({ inOffice: false, timedOut: true });
  await expect(w.late).resolves.toMatchObject({ inOffice: true, displayLanguage: 'en-US' });
});

test('Office ready in time: first has it, late never fires', async () => {
  fakeOffice(5);
  const w = watchOffice(200);
  await expect(w.first).resolves.toMatchObject({ inOffice: true });
  let late = false;
  void w.late.then(() => (late = true));
  await wait(250);
  expect(late).toBe(false);
});

test('no office.js at all: not in Office at once, nothing later', async () => {
  const w = watchOffice(10);
  await expect(w.first).resolves.toEqual({ inOffice: false });
});

test('the waiting message says the pane keeps waiting, in both languages', () => {
  expect(waitingMessage('ko')).toMatch(/기다리는 중/);
  expect(waitingMessage('en')).toMatch(/Still waiting/);
});
