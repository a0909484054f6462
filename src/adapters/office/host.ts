/**
 * The real host (Excel.run + Office.context.requirements), round-trip metering, and the flag that
 * tells our own onChanged listener to ignore the add-in's own writes.
 */
import type { ActionCost, ExcelHost, Notice } from './api';

/** The host inside Excel: the globals office.js defines. */
export function defaultHost(): ExcelHost {
  return {
    run: <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Excel.run(batch),
    runWith: <T>(context: Excel.RequestContext, batch: (context: Excel.RequestContext) => Promise<T>) => Excel.run(context, batch),
    supports: (set: string, version: string) => {
      try {
        return Office.context.requirements.isSetSupported(set, version);
      } catch {
        return false;
      }
    },
    // Settings 1.1 (checked by settings.ts before this is called); loaded with the document.
    documentSettings: () => Office.context.document?.settings ?? null,
  };
}

function now(): number {
  return typeof performance !== 'undefined' && typeof performance.now === 'function' ? performance.now() : Date.now();
}

/** Counts the round trips and cells of one action. */
export class Meter {
  syncs = 0;
  cellsRead = 0;
  private readonly t0 = now();
  async sync(ctx: Excel.RequestContext): Promise<void> {
    this.syncs += 1;
    await ctx.sync();
  }
  cost(): ActionCost {
    return { syncs: this.syncs, cellsRead: this.cellsRead, ms: Math.round(now() - this.t0) };
  }
}

// ---- own writes -------------------------------------------------------------------------------

/** Events for our own writes arrive shortly after the sync that made them; ignore them this long. */
export const OWN_WRITE_GRACE_MS = 400;
let ownDepth = 0;
let quietUntil = 0;

/** Runs `f` as an add-in write: onPlanChanged ignores changes made meanwhile and just after. */
export async function asOwnWrite<T>(f: () => Promise<T>): Promise<T> {
  ownDepth += 1;
  try {
    return await f();
  } finally {
    ownDepth -= 1;
    quietUntil = Date.now() + OWN_WRITE_GRACE_MS;
  }
}

export function inOwnWrite(): boolean {
  return ownDepth > 0 || Date.now() < quietUntil;
}

/** Bilingual text for `degraded` lists. */
export function both(ko: string, en: string): string {
  return `${ko} / ${en}`;
}

/**
 * Why an action did less than asked, collected as Notices (the user's text in both languages, no API names)
 * and given back both ways: `notices` for the pane, `degraded` ("ko (ExcelApi 1.9) / en (ExcelApi 1.9)")
 * for the ribbon command and logs.
 */
export class NoticeList {
  readonly list: Notice[] = [];
  /** `requires`: the requirement set the notice is about, e.g. 'ExcelApi 1.9' (kept out of ko/en). */
  push(ko: string, en: string, requires?: string): void {
    this.list.push(requires ? { ko, en, requires } : { ko, en });
  }
  get length(): number {
    return this.list.length;
  }
  /** `{ degraded, notices }` when there is anything to say, else `{}`. */
  fields(): { degraded?: string[]; notices?: Notice[] } {
    if (!this.list.length) return {};
    const line = (n: Notice) => (n.requires ? both(`${n.ko} (${n.requires})`, `${n.en} (${n.requires})`) : both(n.ko, n.en));
    return { degraded: this.list.map(line), notices: [...this.list] };
  }
}
