/**
 * The same adapter code against Microsoft's office-addin-mock, as a second opinion on simple write-only
 * functions. The mock models collections as plain arrays (it cannot load 'items/name'), so anything
 * that reads goes through the strict double (test/office-double), the main harness.
 */
import { OfficeMockObject } from 'office-addin-mock';

// office-addin-mock only needs the OfficeApp enum from office-addin-manifest, whose dependency chain
// is ESM-only and does not load under this CommonJS jest set-up.
jest.mock('office-addin-manifest', () => ({
  OfficeApp: { Excel: 'excel', OneNote: 'onenote', Outlook: 'outlook', PowerPoint: 'powerpoint', Project: 'project', Word: 'word' },
}));
import { selectCells, writeIndicatorTargets, type ExcelHost } from '../../../src/adapters/office';

function mockHost(data: Record<string, unknown>): { host: ExcelHost; mock: OfficeMockObject } {
  const mock = new OfficeMockObject(data as ConstructorParameters<typeof OfficeMockObject>[0]);
  const host: ExcelHost = {
    run: (batch) => batch(mock.context as unknown as Excel.RequestContext),
    supports: () => true,
  };
  return { host, mock };
}

test('writeIndicatorTargets writes one 2-D block per run of adjacent cells, then syncs', async () => {
  const ranges: Record<string, { values?: unknown }> = {};
  const { host } = mockHost({
    context: {
      workbook: {
        worksheets: {
          getItem(name: string) {
            return {
              getRange(a: string) {
                return (ranges[`${name}!${a}`] ??= {});
              },
            };
          },
        },
      },
    },
  });
  const r = await writeIndicatorTargets(host, [
    { sheet: '공통 일자리 목표', cell: 'E4', value: 69.1 },
    { sheet: '공통 일자리 목표', cell: 'F4', value: 69.6 },
    { sheet: '공통 일자리 목표', cell: 'H4', value: 70.6 },
  ]);
  expect(ranges).toEqual({ '공통 일자리 목표!E4:F4': { values: [[69.1, 69.6]] }, '공통 일자리 목표!H4': { values: [[70.6]] } });
  expect(r.cost.syncs).toBe(1);
});

test('selectCells activates the sheet and selects the range', async () => {
  const calls: string[] = [];
  const { host } = mockHost({
    context: {
      workbook: {
        worksheets: {
          getItem(name: string) {
            return {
              activate: () => calls.push(`activate ${name}`),
              getRange: (a: string) => ({ select: () => calls.push(`select ${a}`) }),
            };
          },
        },
      },
    },
  });
  const cost = await selectCells(host, ["'분야별 목표'!C7"]);
  expect(calls).toEqual(['activate 분야별 목표', 'select C7']);
  expect(cost.syncs).toBe(1);
});
