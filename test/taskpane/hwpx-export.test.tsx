/** @jest-environment jsdom */
/**
 * The pane's 한글 표 내보내기: after a check, the button downloads the plan's disclosure tables as the same
 * .hwpx `jobtarget export` writes; before a check (or without a plan) it is disabled. Nothing is written
 * to the workbook.
 */
import { TextDecoder as NodeTextDecoder, TextEncoder as NodeTextEncoder } from 'util';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { adapterMock, exampleValidation } from './fake-adapter';
import { idle, renderPane } from './render';
import { installDomStubs } from './setup';

jest.mock('../../src/adapters/office', () => require('./fake-adapter').adapterMock());

// jsdom has no TextEncoder/TextDecoder; the writer (fflate) and the reader use them as browsers provide them.
Object.assign(globalThis, { TextEncoder: NodeTextEncoder, TextDecoder: NodeTextDecoder });
beforeAll(installDomStubs);

test('disabled until a plan is checked; then downloads the tables as .hwpx, reading back to the example’s tables', async () => {
  const created: Blob[] = [];
  const clicked: { download: string; href: string }[] = [];
  Object.assign(URL, { createObjectURL: (b: Blob) => (created.push(b), `blob:${created.length}`), revokeObjectURL: () => undefined });
  const click = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    clicked.push({ download: this.download, href: this.href });
  });
  const user = userEvent.setup();
  renderPane({ initialTab: 'validate' });
  const button = screen.getByRole('button', { name: '한글 표 내보내기' });
  expect(button).toHaveProperty('disabled', true);
  await user.click(screen.getByRole('button', { name: '검증' }));
  await screen.findByTestId('findings');
  await idle();
  expect(button).toHaveProperty('disabled', false);
  await user.click(button);
  expect(clicked).toEqual([{ download: '인천광역시서구-공시표-2023-2026.hwpx', href: 'blob:1' }]);
  expect(created[0].type).toBe('application/hwp+zip');
  const bytes = new Uint8Array(await blobBytes(created[0]));
  // Read back with the CLI's reader: the same tables `export` writes for the example.
  const { readHwpxBuffer } = await import('../../src/adapters/hwpx/read');
  const { validateGrid } = await import('../../src/core/validate');
  const result = validateGrid(readHwpxBuffer(bytes).grid);
  expect(result.summary).toEqual(exampleValidation().result.summary);
  // No Excel action was run for the export.
  const mock = jest.requireMock('../../src/adapters/office') as ReturnType<typeof adapterMock>;
  expect(mock.writeResultsSheet).not.toHaveBeenCalled();
  click.mockRestore();
});

function blobBytes(b: Blob): Promise<ArrayBuffer> {
  return new Promise((resolve, reject) => {
    const r = new FileReader();
    r.onload = () => resolve(r.result as ArrayBuffer);
    r.onerror = () => reject(r.error);
    r.readAsArrayBuffer(b);
  });
}
