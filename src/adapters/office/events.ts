/**
 * Re-validation after edits: a debounced worksheet onChanged listener that reacts only to this user's
 * edits of the plan. Ignored:
 * - the add-in's own writes: Excel's triggerSource 'ThisLocalAddin' where ExcelApi 1.14 gives it, our
 *   own-write flag around every write action otherwise;
 * - co-authors' changes (source 'Remote'): onChanged fires for every co-author's edit, and two open
 *   panes would otherwise re-check each other's writes;
 * - changes to our own sheets (MARKS_SHEET, the 검증결과 sheet), whoever made them and however late the
 *   event arrives.
 */
import { MARKS_SHEET, RESULTS_SHEET, type ExcelHost, type PlanChangeOptions } from './api';
import { inOwnWrite } from './host';

export interface PlanChange {
  /** Changes seen since the handler last ran. */
  changes: number;
}

interface ChangedArgs {
  triggerSource?: string;
  source?: string;
  worksheetId?: string;
  address?: string;
}

/** Our own sheets: the marks sheet and the findings sheet (also as "검증결과 (2)" when that name was taken). */
export function isOwnSheet(name: string): boolean {
  return name === MARKS_SHEET || name === RESULTS_SHEET || (name.startsWith(`${RESULTS_SHEET} (`) && name.endsWith(')'));
}

/**
 * Registers the listener on the worksheet collection (ExcelApi 1.9, the oldest supported). Resolves
 * to an unsubscribe function. One round trip (+1 for a sheet added later, to learn its name; +1 to
 * unsubscribe).
 */
export async function onPlanChanged(host: ExcelHost, handler: (change: PlanChange) => void, options: PlanChangeOptions = {}): Promise<() => Promise<void>> {
  const debounceMs = options.debounceMs ?? 800;
  if (!host.supports('ExcelApi', '1.9')) return async () => undefined;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let pending = 0;
  let active = true;
  /** Sheet id → name, learnt at registration and for sheets added later. */
  const names = new Map<string, Promise<string | null>>();
  const nameOf = (id: string): Promise<string | null> => {
    let n = names.get(id);
    if (!n) {
      n = host
        .run(async (ctx) => {
          const ws = ctx.workbook.worksheets.getItemOrNullObject(id);
          ws.load('name');
          await ctx.sync();
          return ws.isNullObject ? null : ws.name;
        })
        .catch(() => null);
      names.set(id, n);
    }
    return n;
  };
  const listener = async (args: ChangedArgs): Promise<void> => {
    if (!active) return;
    if (args.source === 'Remote') return;
    // Excel says who made the change where it can (ExcelApi 1.14); otherwise our own-write window.
    if (args.triggerSource !== undefined ? args.triggerSource === 'ThisLocalAddin' : inOwnWrite()) return;
    if (args.worksheetId) {
      const name = await nameOf(args.worksheetId);
      if (name !== null && isOwnSheet(name)) return;
    }
    if (!active) return;
    pending += 1;
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = null;
      const changes = pending;
      pending = 0;
      if (active) handler({ changes });
    }, debounceMs);
  };
  const registration = await host.run(async (ctx) => {
    const sheets = ctx.workbook.worksheets;
    sheets.load('items/id,items/name');
    const reg = sheets.onChanged.add(listener);
    await ctx.sync();
    for (const ws of sheets.items) names.set(ws.id, Promise.resolve(ws.name));
    return reg;
  });
  return async () => {
    if (!active) return;
    active = false;
    if (timer) clearTimeout(timer);
    timer = null;
    // A handler is removed in a batch on the context it was registered with (Excel.run(context, …)).
    const remove = async (ctx: Excel.RequestContext) => {
      registration.remove();
      await ctx.sync();
    };
    if (host.runWith) await host.runWith(registration.context as Excel.RequestContext, remove);
    else await remove(registration.context as Excel.RequestContext);
  };
}
