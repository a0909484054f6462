/** The value rules' common loop: pick figures by their state and report each on its own cell. */
import type { Figure } from '../model/plan';
import type { RuleContext } from './types';
import { forEachFigure, type FigureInfo } from './walk';
import { figureWords } from './words';

/** Returns the message id to report a figure with, or null to pass it. */
export type FigurePick = (figure: Figure, info: FigureInfo) => string | null;

/**
 * Reports every picked figure at its cell. `actual` is the cell as stored; the messages get {{what}}
 * (where the figure is), {{raw}} (the stored text) and {{value}} (the number read from it, if any).
 */
export function reportFigures(ctx: RuleContext, pick: FigurePick, expected: (f: Figure) => number | string | null = () => null): void {
  forEachFigure(ctx.plan, (figure, info) => {
    const messageId = pick(figure, info);
    if (messageId === null) return;
    const raw = figure.raw === null ? '' : String(figure.raw);
    ctx.report({
      messageId,
      at: figure.ref,
      expected: expected(figure),
      actual: figure.raw === null || typeof figure.raw === 'boolean' ? null : figure.raw,
      data: { what: info.what, raw, value: figure.value === null ? '' : figureWords(figure.value), formula: figure.formula ?? '' },
    });
  });
}
