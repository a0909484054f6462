/**
 * Accessibility scan with axe-core (the npm package), injected into the page as inline script content by
 * playwright-core (no request leaves the test server's origin).
 */
import type { Page } from 'playwright-core';

/**
 * Fluent UI's focus manager (tabster) puts focusable, aria-hidden <i data-tabster-dummy> sentinels around
 * focus groups; they pass focus on at once and are hidden so screen readers skip them. axe reports them as
 * aria-hidden-focus. A known false positive (microsoft/tabster#288; Fluent v9 known issues): Accessibility
 * Insights drops exactly these nodes (accessibility-insights-web PR #7605), and so does this scan; every
 * other node of that rule, and every other rule, still counts.
 */
const TABSTER_DUMMY = 'data-tabster-dummy';

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: string[];
}

/** Every violation axe finds in the page as it is now (WCAG 2.x A and AA rules and best practices). */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  const loaded = await page.evaluate(() => typeof (window as unknown as { axe?: unknown }).axe !== 'undefined');
  if (!loaded) await page.addScriptTag({ path: require.resolve('axe-core/axe.min.js') });
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(ctx: Document, opts: object): Promise<{ violations: { id: string; impact: string | null; help: string; nodes: { target: unknown[]; html: string }[] }[] }> } }).axe;
    const r = await axe.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: JSON.stringify(n.target), html: n.html })) }));
  }).then((list) =>
    list
      .map((v) => ({ ...v, nodes: v.nodes.filter((n) => !(v.id === 'aria-hidden-focus' && n.html.includes(TABSTER_DUMMY))).map((n) => `${n.target} ${n.html.slice(0, 120)}`) }))
      .filter((v) => v.nodes.length > 0),
  );
}

/** Only the serious and critical ones (what the suite refuses). */
export async function seriousViolations(page: Page): Promise<AxeViolation[]> {
  return (await axeViolations(page)).filter((v) => v.impact === 'serious' || v.impact === 'critical');
}
