/** The pane's one-line findings: short, without cell lists or formulas; the particulars only in the details. */
import { findingDetail, findingHeadline } from '../../src/taskpane/model/text';
import { exampleValidation } from './fake-adapter';

for (const lang of ['ko', 'en'] as const) {
  test(`every finding of the example has a one-line headline (${lang}): no cell list, no formula, the parts in the details`, () => {
    const { findings } = exampleValidation(lang).result;
    for (const f of findings) {
      const h = findingHeadline(f, lang);
      expect({ cell: f.cell, h, long: h.length > 90 }).toEqual({ cell: f.cell, h, long: false });
      expect(h).not.toMatch(/![A-Z]+\d+/);
      expect(h).not.toMatch(/=[A-Z]+\(/);
    }
    const areaTotal = findings.find((f) => f.rule === 'area-total' && f.cells.length > 2)!;
    expect(findingDetail(areaTotal, lang)).toMatch(/![A-Z]+\d+/);
  });
}
