/** Entry point of taskpane.html: waits for Office (or an injected test host), then renders the pane. */
import { createRoot } from 'react-dom/client';
import { defaultHost } from '../adapters/office';
import { App } from './App';
import { chooseHost, chooseLang, chooseTheme, officeReady } from './bootstrap';
import { translator } from './i18n';

const container = document.getElementById('root');
if (container) {
  const root = createRoot(container);
  const loading = document.getElementById('loading');
  // An injected host needs no Excel: don't wait long for office.js to give up outside Office.
  const wait = window.__JOBTARGET_HOST__ ? 1500 : 8000;
  void officeReady(wait).then((info) => {
    const lang = chooseLang(window, info);
    const theme = chooseTheme(window, info);
    document.documentElement.lang = lang;
    document.title = translator(lang)('appTitle');
    document.body.dataset.theme = theme;
    let host = null;
    try {
      host = chooseHost(window, info, defaultHost);
    } catch (e) {
      console.error(e);
    }
    loading?.remove();
    root.render(<App host={host} lang={lang} theme={theme} />);
  });
}
