/** The test double itself: it must fail where Excel fails, or the adapter tests prove nothing. */
import { createExcelDouble, emptyWorkbook, seedCell, ErrorCodes, type WorkbookModel } from './index';

function seeded(): WorkbookModel {
  const wb = emptyWorkbook(['Data', 'Other']);
  const s = wb.sheets[0];
  seedCell(s, 'A1', '항목');
  seedCell(s, 'B1', 10);
  seedCell(s, 'B2', 20);
  seedCell(s, 'B3', '=SUM(B1:B2)');
  seedCell(s, 'C1', 'x', { fill: { color: '#FFFFFF', pattern: 'Solid', patternColor: null, tintAndShade: 0, patternTintAndShade: 0 } });
  return wb;
}

describe('load/sync semantics', () => {
  test('a property is readable only after load AND sync', async () => {
    const x = createExcelDouble(seeded());
    await x.host.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem('Data').getRange('B1:B3');
      expect(() => r.values).toThrow(expect.objectContaining({ code: ErrorCodes.propertyNotLoaded }));
      r.load('values');
      expect(() => r.values).toThrow(expect.objectContaining({ code: ErrorCodes.propertyNotLoaded }));
      await ctx.sync();
      expect(r.values).toEqual([[10], [20], [30]]);
      // Loaded properties only: address was not asked for.
      expect(() => r.address).toThrow(expect.objectContaining({ code: ErrorCodes.propertyNotLoaded }));
    });
  });

  test('collections: items need a load too', async () => {
    const x = createExcelDouble(seeded());
    await x.host.run(async (ctx) => {
      const sheets = ctx.workbook.worksheets;
      expect(() => sheets.items).toThrow(expect.objectContaining({ code: ErrorCodes.propertyNotLoaded }));
      sheets.load('items/name');
      await ctx.sync();
      expect(sheets.items.map((s) => s.name)).toEqual(['Data', 'Other']);
      expect(() => sheets.items[0].visibility).toThrow(expect.objectContaining({ code: ErrorCodes.propertyNotLoaded }));
    });
  });

  test('isNullObject is known only after a sync', async () => {
    const x = createExcelDouble(seeded());
    await x.host.run(async (ctx) => {
      const missing = ctx.workbook.worksheets.getItemOrNullObject('Nope');
      const there = ctx.workbook.worksheets.getItemOrNullObject('Other');
      expect(() => missing.isNullObject).toThrow(expect.objectContaining({ code: ErrorCodes.propertyNotLoaded }));
      await ctx.sync();
      expect(missing.isNullObject).toBe(true);
      expect(there.isNullObject).toBe(false);
    });
  });

  test('queued writes apply at sync, in order', async () => {
    const x = createExcelDouble(seeded());
    await x.host.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem('Data').getRange('B1');
      r.values = [[1]];
      expect(x.cell('Data', 'B1').value).toBe(10);
      r.load('values');
      r.values = [[2]];
      await ctx.sync();
      expect(r.values).toEqual([[1]]); // loaded between the two writes
      expect(x.cell('Data', 'B1').value).toBe(2);
      expect(x.cell('Data', 'B3').value).toBe(22);
    });
  });

  test('every sync is counted, and Excel.run commits what is still queued (one more round trip)', async () => {
    const x = createExcelDouble(seeded());
    await x.host.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('Data').getRange('D1').values = [[5]];
      await ctx.sync();
      ctx.workbook.worksheets.getItem('Data').getRange('D2').values = [[6]];
    });
    expect(x.syncCount()).toBe(2);
    expect(x.cell('Data', 'D2').value).toBe(6);
    x.resetCounts();
    expect(x.syncCount()).toBe(0);
    expect(x.syncLog()).toEqual([]);
  });

  test('an error stops the batch at the failing action; earlier actions stay applied', async () => {
    const x = createExcelDouble(seeded());
    await expect(
      x.host.run(async (ctx) => {
        const ws = ctx.workbook.worksheets.getItem('Data');
        ws.getRange('D1').values = [[1]];
        ctx.workbook.worksheets.getItem('Missing').getRange('A1').values = [[1]];
        ws.getRange('D2').values = [[2]];
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: ErrorCodes.itemNotFound });
    expect(x.cell('Data', 'D1').value).toBe(1);
    expect(x.cell('Data', 'D2').value).toBe('');
  });

  test('objects of a finished run cannot queue work', async () => {
    const x = createExcelDouble(seeded());
    let leaked: Excel.Range | null = null;
    await x.host.run(async (ctx) => {
      leaked = ctx.workbook.worksheets.getItem('Data').getRange('A1');
      await ctx.sync();
    });
    expect(() => leaked!.load('values')).toThrow(expect.objectContaining({ code: ErrorCodes.invalidObjectPath }));
  });

  test('values must match the range dimensions; a single value fills the range', async () => {
    const x = createExcelDouble(seeded());
    await expect(
      x.host.run(async (ctx) => {
        ctx.workbook.worksheets.getItem('Data').getRange('A1:B2').values = [[1, 2]];
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: ErrorCodes.invalidArgument });
    await x.host.run(async (ctx) => {
      (ctx.workbook.worksheets.getItem('Data').getRange('E1:E3') as unknown as { numberFormat: unknown }).numberFormat = '0.0';
      await ctx.sync();
    });
    expect(x.cell('Data', 'E3').format.numberFormat).toBe('0.0');
  });

  test('text: a leading apostrophe keeps text as text and is not stored; null leaves a cell unchanged', async () => {
    const x = createExcelDouble(seeded());
    await x.host.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('Data').getRange('A1:D1').values = [[null, "'123", '123', "'=x"]];
      await ctx.sync();
    });
    expect(x.cell('Data', 'A1').value).toBe('항목');
    expect(x.cell('Data', 'B1').value).toBe('123');
    expect(x.cell('Data', 'C1').value).toBe(123);
    expect(x.cell('Data', 'D1').value).toBe('=x');
    expect(x.cell('Data', 'D1').formula).toBeNull();
  });
});

describe('payload limits (Excel on the web: 5 MB per request and per response)', () => {
  test('a request over the limit fails and changes nothing', async () => {
    const x = createExcelDouble(seeded(), { payloadLimitBytes: 50_000 });
    const big = Array.from({ length: 2000 }, (_, i) => [`row ${i} ${'x'.repeat(20)}`]);
    await expect(
      x.host.run(async (ctx) => {
        ctx.workbook.worksheets.getItem('Other').getRange('A1:A2000').values = big;
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: ErrorCodes.requestPayloadSizeLimitExceeded });
    expect(x.cell('Other', 'A1').value).toBe('');
  });

  test('a response over the limit fails; blocks queued before the same sync do not help', async () => {
    const wb = seeded();
    for (let r = 1; r <= 3000; r++) seedCell(wb.sheets[1], `A${r}`, `value number ${r} ${'y'.repeat(10)}`);
    const x = createExcelDouble(wb, { payloadLimitBytes: 60_000 });
    await expect(
      x.host.run(async (ctx) => {
        const ws = ctx.workbook.worksheets.getItem('Other');
        for (let k = 0; k < 3; k++) ws.getRange(`A${k * 1000 + 1}:A${(k + 1) * 1000}`).load('values');
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: ErrorCodes.responsePayloadSizeLimitExceeded });
    // One block per round trip fits.
    await x.host.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('Other');
      for (let k = 0; k < 3; k++) {
        ws.getRange(`A${k * 1000 + 1}:A${(k + 1) * 1000}`).load('values');
        await ctx.sync();
      }
    });
    expect(x.syncLog().filter((s) => !s.failed).every((s) => s.responseBytes <= 60_000)).toBe(true);
  });
});

describe('requirement sets', () => {
  test('notes need ExcelApi 1.18: ApiNotFound at sync on 1.17', async () => {
    const x = createExcelDouble(seeded(), { requirementSets: { ExcelApi: '1.17' } });
    expect(x.host.supports('ExcelApi', '1.17')).toBe(true);
    expect(x.host.supports('ExcelApi', '1.18')).toBe(false);
    await expect(
      x.host.run(async (ctx) => {
        ctx.workbook.notes.add(ctx.workbook.worksheets.getItem('Data').getRange('A1'), 'hi');
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: ErrorCodes.apiNotFound });
  });

  test('fill.pattern needs ExcelApi 1.9; fill.color does not', async () => {
    const x = createExcelDouble(seeded(), { requirementSets: { ExcelApi: '1.8' } });
    await x.host.run(async (ctx) => {
      const f = ctx.workbook.worksheets.getItem('Data').getRange('C1').format.fill;
      f.load('color');
      await ctx.sync();
      expect(f.color).toBe('#FFFFFF');
    });
    await expect(
      x.host.run(async (ctx) => {
        ctx.workbook.worksheets.getItem('Data').getRange('C1').format.fill.load('pattern');
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: ErrorCodes.apiNotFound });
  });

  test('comments need 1.10, merged areas 1.13, copyFrom 1.9', async () => {
    const x = createExcelDouble(seeded(), { requirementSets: { ExcelApi: '1.9' } });
    for (const f of [
      (ctx: Excel.RequestContext) => ctx.workbook.comments.add(ctx.workbook.worksheets.getItem('Data').getRange('A1'), 'c'),
      (ctx: Excel.RequestContext) => ctx.workbook.worksheets.getItem('Data').getRange('A1:B2').getMergedAreasOrNullObject().load('address'),
    ]) {
      await expect(
        x.host.run(async (ctx) => {
          f(ctx);
          await ctx.sync();
        }),
      ).rejects.toMatchObject({ code: ErrorCodes.apiNotFound });
    }
    await x.host.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('Other').getRange('A1').copyFrom(ctx.workbook.worksheets.getItem('Data').getRange('C1'), 'Formats');
      await ctx.sync();
    });
    expect(x.cell('Other', 'A1').format.fill?.pattern).toBe('Solid');
  });
});

describe('formats', () => {
  test('No Fill reads back as pattern None / color #FFFFFF; explicit white is Solid; clear() gives No Fill', async () => {
    const x = createExcelDouble(seeded());
    await x.host.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('Data');
      const none = ws.getRange('A1').format.fill.load('color,pattern');
      const white = ws.getRange('C1').format.fill.load('color,pattern');
      const mixed = ws.getRange('A1:C1').format.fill.load('color,pattern');
      await ctx.sync();
      expect([none.color, none.pattern]).toEqual(['#FFFFFF', 'None']);
      expect([white.color, white.pattern]).toEqual(['#FFFFFF', 'Solid']);
      expect(mixed.pattern).toBeNull(); // not uniform
      ws.getRange('C1').format.fill.clear();
      await ctx.sync();
    });
    expect(x.cell('Data', 'C1').format.fill).toBeUndefined();
  });

  test('getCellProperties returns per-cell fills', async () => {
    const x = createExcelDouble(seeded());
    await x.host.run(async (ctx) => {
      const props = ctx.workbook.worksheets.getItem('Data').getRange('B1:C1').getCellProperties({ format: { fill: { color: true, pattern: true } } });
      expect(() => props.value).toThrow();
      await ctx.sync();
      expect(props.value).toEqual([[{ format: { fill: { color: '#FFFFFF', pattern: 'None' } } }, { format: { fill: { color: '#FFFFFF', pattern: 'Solid' } } }]]);
    });
  });

  test('merge keeps the top-left value; writing into a merged cell other than its top-left fails', async () => {
    const x = createExcelDouble(seeded());
    await x.host.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('Data').getRange('B1:B2').merge();
      await ctx.sync();
    });
    expect(x.sheet('Data')!.merges).toEqual(['B1:B2']);
    expect(x.cell('Data', 'B2').value).toBe('');
    await expect(
      x.host.run(async (ctx) => {
        ctx.workbook.worksheets.getItem('Data').getRange('B2').values = [[5]];
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: ErrorCodes.invalidOperation });
  });
});

describe('sheets, notes, selection, events', () => {
  test('a very hidden sheet cannot be deleted until made hidden; the last visible sheet cannot be hidden', async () => {
    const x = createExcelDouble(seeded());
    await x.host.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('Other').visibility = 'VeryHidden';
      await ctx.sync();
    });
    await expect(
      x.host.run(async (ctx) => {
        ctx.workbook.worksheets.getItem('Other').delete();
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: 'GeneralException' });
    await expect(
      x.host.run(async (ctx) => {
        ctx.workbook.worksheets.getItem('Data').visibility = 'Hidden';
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: ErrorCodes.invalidOperation });
    await x.host.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('Other');
      ws.visibility = 'Hidden';
      ws.delete();
      await ctx.sync();
    });
    expect(x.sheet('Other')).toBeUndefined();
  });

  test('one note per cell; notes and comments can be listed with their location', async () => {
    const x = createExcelDouble(seeded());
    await x.host.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('Data');
      ctx.workbook.notes.add(ws.getRange('B2'), 'note');
      ctx.workbook.comments.add(ws.getRange('B1'), 'comment');
      await ctx.sync();
      const notes = ctx.workbook.notes.load('items/content');
      await ctx.sync();
      const loc = notes.items[0].getLocation().load('address');
      await ctx.sync();
      expect([notes.items[0].content, loc.address]).toEqual(['note', 'Data!B2']);
      ctx.workbook.notes.add(ws.getRange('B2'), 'again');
      await expect(ctx.sync()).rejects.toMatchObject({ code: ErrorCodes.invalidOperation });
    });
    expect(x.workbook.comments.map((c) => c.content)).toEqual(['comment']);
  });

  test('select activates the sheet and records the selection', async () => {
    const x = createExcelDouble(seeded());
    await x.host.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('Other');
      ws.getRanges('A1:A2, C3').select();
      await ctx.sync();
    });
    expect(x.activeSheet()).toBe('Other');
    expect(x.selection()).toEqual({ sheet: 'Other', address: 'A1:A2,C3' });
  });

  test('onChanged fires after the sync for API writes (triggerSource ThisLocalAddin) and for user edits', async () => {
    const x = createExcelDouble(seeded());
    const seen: { address: string; triggerSource?: string }[] = [];
    const reg = await x.host.run(async (ctx) => {
      const r = ctx.workbook.worksheets.onChanged.add(async (e) => {
        seen.push({ address: e.address, triggerSource: e.triggerSource });
      });
      await ctx.sync();
      return r;
    });
    expect(x.handlerCount()).toBe(1);
    await x.host.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('Data').getRange('D1:D2').values = [[1], [2]];
      await ctx.sync();
    });
    x.userEdit('Data', 'B1', [[11]]);
    await new Promise((r) => setTimeout(r, 10));
    expect(seen).toEqual([
      { address: 'D1:D2', triggerSource: 'ThisLocalAddin' },
      { address: 'B1', triggerSource: 'Unknown' },
    ]);
    // Outside a batch on its context, Excel refuses to remove the handler …
    expect(() => reg.remove()).toThrow(/Excel.run batch that has finished/);
    // … inside Excel.run(eventResult.context, …) it works.
    await x.host.runWith(reg.context as unknown as Excel.RequestContext, async (ctx) => {
      reg.remove();
      await ctx.sync();
    });
    expect(x.handlerCount()).toBe(0);
  });

  test('formulas: SUM, SUMIF, IF/OR, cross-sheet references', async () => {
    const wb = seeded();
    const o = wb.sheets[1];
    seedCell(o, 'A1', '성과목표');
    seedCell(o, 'A2', '소요예산');
    seedCell(o, 'A3', '성과목표');
    seedCell(o, 'B1', 1);
    seedCell(o, 'B2', 100);
    seedCell(o, 'B3', 2);
    seedCell(o, 'C1', '=SUMIF($A$1:$A$3,"성과목표",B1:B3)');
    seedCell(o, 'C2', '=Data!B3+B2');
    seedCell(o, 'C3', '=IF(OR(B1="",B3=""),"",(B3/B1-1)*100)');
    seedCell(o, 'C4', '=IF(OR(D9="",B3=""),"",1)');
    const x = createExcelDouble(wb);
    expect([x.cell('Other', 'C1').value, x.cell('Other', 'C2').value, x.cell('Other', 'C3').value, x.cell('Other', 'C4').value]).toEqual([3, 130, 100, '']);
  });
});
