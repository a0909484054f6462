/** The 한글 export's heavy part (document renderer + .hwpx writer), loaded by HwpxExportButton on demand. */
import { writeHwpx } from '../../adapters/hwpx/write';
import { documentTitle, draftFromPlan } from '../../core/document/from-plan';
import { hasPlanTables, renderDocument } from '../../core/document/render';
import type { Plan } from '../../core/model/plan';

/** The .hwpx bytes and file name for a plan read from the workbook; null when it has no disclosure table. */
export function hwpxFile(plan: Plan): { name: string; bytes: Uint8Array } | null {
  const draft = draftFromPlan(plan, documentTitle(plan));
  if (!hasPlanTables(draft)) return null;
  const base = (plan.meta.region ?? '').replace(/[\\/:*?"<>|\s]+/g, '') || '일자리목표';
  return { name: `${base}-공시표-${plan.period.startYear}-${plan.period.startYear + plan.period.years - 1}.hwpx`, bytes: writeHwpx(renderDocument(draft)) };
}
