/**
 * Re-validation after edits: a debounced worksheet onChanged listener that ignores the add-in's own
 * writes (Excel's triggerSource 'ThisLocalAddin' where ExcelApi 1.14 gives it, and our own-write flag
 * around every write action otherwise).
 */
import type { ExcelHost, PlanChangeOptions } from './api';
import { inOwnWrite } from './host';

export interface PlanChange {
  /** Changes seen since the handler last ran. */
  changes: number;
}

interface ChangedArgs {
  triggerSource?: string;
  worksheetId?: string;
  address?: string;
}

/**
 * Registers the listener on the worksheet collection (ExcelApi 1.9; on 1.7–1.8 on each existing
 * sheet). Resolves to an unsubscribe function. Below ExcelApi 1.7 nothing is registered.
 */
export async function onPlanChanged(host: ExcelHost, handler: (change: PlanChange) => void, options: PlanChangeOptions = {}): Promise<() => Promise<void>> {
  const debounceMs = options.debounceMs ?? 800;
  if (!host.supports('ExcelApi', '1.7')) return async () => undefined;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let pending = 0;
  let active = true;
  const listener = async (args: ChangedArgs): Promise<void> => {
    if (!active) return;
    // Excel says who made the change where it can (ExcelApi 1.14); otherwise our own-write window.
    if (args.triggerSource !== undefined ? args.triggerSource === 'ThisLocalAddin' : inOwnWrite()) return;
    pending += 1;
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = null;
      const changes = pending;
      pending = 0;
      if (active) handler({ changes });
    }, debounceMs);
  };
  const registrations = await host.run(async (ctx) => {
    if (host.supports('ExcelApi', '1.9')) {
      const reg = ctx.workbook.worksheets.onChanged.add(listener);
      await ctx.sync();
      return [reg];
    }
    const sheets = ctx.workbook.worksheets;
    sheets.load('items/name');
    await ctx.sync();
    const regs = sheets.items.map((ws) => ws.onChanged.add(listener));
    await ctx.sync();
    return regs;
  });
  return async () => {
    if (!active) return;
    active = false;
    if (timer) clearTimeout(timer);
    timer = null;
    const ctx = registrations[0]?.context;
    for (const r of registrations) r.remove();
    if (ctx) await ctx.sync();
  };
}
