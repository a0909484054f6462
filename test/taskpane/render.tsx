/** Renders the pane with the fake adapter (installed by the calling test file's jest.mock). */
import { render, screen, waitFor } from '@testing-library/react';
import { App, type AppProps } from '../../src/taskpane/App';
import { fakeHost } from './fake-adapter';

export function renderPane(props: Partial<AppProps> = {}) {
  const host = props.host ?? fakeHost();
  const utils = render(<App host={host} lang="ko" debounceMs={20} {...props} />);
  return { host, ...utils };
}

/** Waits until no action is running (the pane's primary buttons are enabled again). */
export async function idle(): Promise<void> {
  await waitFor(() => {
    for (const b of screen.queryAllByRole('button', { name: /^(검증|지우기|서식 삽입|Check|Clear|Insert)$/ })) {
      expect(b).toHaveProperty('disabled', false);
      // busy buttons stay focusable, marked aria-disabled
      expect(b.getAttribute('aria-disabled')).not.toBe('true');
    }
  });
}
