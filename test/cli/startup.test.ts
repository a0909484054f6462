/**
 * Start-up loads only what a command needs: `--version`, `--help` and `check` of a workbook never load
 * exceljs (660 modules) nor the built-in examples; a report of ordinary text loads no string-width and
 * makes no Intl.NumberFormat.
 */
import * as path from 'path';
import { EXAMPLES } from '../../src/core/examples';
import { EXAMPLE_NAMES } from '../../src/core/examples/names';

const FIXTURES = path.join(__dirname, '..', 'fixtures');

const sink = () => {
  let text = '';
  return { write: (s: string) => void (text += s), text: () => text };
};

describe('lazy start-up', () => {
  beforeEach(() => {
    jest.resetModules();
    jest.doMock('exceljs', () => {
      throw new Error('exceljs was loaded');
    });
  });
  afterEach(() => jest.dontMock('exceljs'));

  it('--version does not load exceljs', async () => {
    const { main } = await import('../../src/cli/program');
    const out = sink();
    expect(await main(['--version'], { stdout: out, stderr: out })).toBe(0);
    expect(out.text()).toMatch(/^\d+\.\d+\.\d+/);
  });

  it('check of a workbook does not load exceljs', async () => {
    const { main } = await import('../../src/cli/program');
    const out = sink();
    const err = sink();
    const code = await main(['check', path.join(FIXTURES, 'example.xlsx'), '--format', 'json', '--jobs', '1'], { stdout: out, stderr: err });
    expect(err.text()).toBe('');
    expect(code).toBe(1); // the example has errors of its own
    expect(JSON.parse(out.text()).files[0].sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('a text report of the example needs neither string-width nor Intl (each costs ≈ 25 ms to load)', async () => {
    jest.doMock('string-width', () => {
      throw new Error('string-width was loaded');
    });
    const intl = jest.spyOn(Intl, 'NumberFormat');
    try {
      const { main } = await import('../../src/cli/program');
      const out = sink();
      const err = sink();
      const code = await main(['check', path.join(FIXTURES, 'example.xlsx'), '--jobs', '1'], { stdout: out, stderr: err });
      expect(err.text()).toBe('');
      expect(code).toBe(1);
      expect(out.text()).toContain('4,197'); // figures grouped without Intl
      expect(intl).not.toHaveBeenCalled();
    } finally {
      intl.mockRestore();
      jest.dontMock('string-width');
    }
  });

  it('the light list of example names matches the examples', () => {
    expect([...EXAMPLE_NAMES]).toEqual(Object.keys(EXAMPLES));
  });
});
