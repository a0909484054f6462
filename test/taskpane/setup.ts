/**
 * jsdom lacks a few browser APIs Fluent UI touches (matchMedia for reduced motion, ResizeObserver,
 * Element.animate for dialog motion). Minimal stand-ins, installed by each pane test file.
 */
import { configure } from '@testing-library/react';

// Fluent UI renders slowly in jsdom, and CI runs many suites at once: generous waits, never flaky ones.
configure({ asyncUtilTimeout: 10_000 });
jest.setTimeout(60_000);

export function installDomStubs(): void {
  if (typeof window === 'undefined') return;
  if (!window.matchMedia) {
    window.matchMedia = ((query: string) => ({
      matches: query.includes('reduce'),
      media: query,
      onchange: null,
      addListener: () => undefined,
      removeListener: () => undefined,
      addEventListener: () => undefined,
      removeEventListener: () => undefined,
      dispatchEvent: () => false,
    })) as unknown as typeof window.matchMedia;
  }
  const g = globalThis as unknown as { ResizeObserver?: unknown };
  if (!g.ResizeObserver) {
    g.ResizeObserver = class {
      observe(): void {}
      unobserve(): void {}
      disconnect(): void {}
    };
  }
  const proto = Element.prototype as unknown as { animate?: unknown };
  if (!proto.animate) {
    proto.animate = function animate() {
      const a = {
        finished: Promise.resolve(),
        onfinish: null as null | (() => void),
        cancel: () => undefined,
        finish: () => undefined,
        play: () => undefined,
        pause: () => undefined,
        reverse: () => undefined,
        persist: () => undefined,
        commitStyles: () => undefined,
        playbackRate: 1,
        playState: 'finished',
        currentTime: 0,
        effect: null,
        addEventListener: () => undefined,
        removeEventListener: () => undefined,
      };
      queueMicrotask(() => a.onfinish?.());
      return a;
    };
  }
}
