/** Renders the pane with the fake adapter (installed by the calling test file's jest.mock). */
import { render } from '@testing-library/react';
import { App, type AppProps } from '../../src/taskpane/App';
import { fakeHost } from './fake-adapter';

export function renderPane(props: Partial<AppProps> = {}) {
  const host = props.host ?? fakeHost();
  const utils = render(<App host={host} lang="ko" debounceMs={20} {...props} />);
  return { host, ...utils };
}
