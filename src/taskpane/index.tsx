/** Entry point of taskpane.html: waits for Office (or an injected test host), then renders the pane. */
import { createRoot } from 'react-dom/client';
import { defaultHost } from '../adapters/office';
import { App } from './App';
import { chooseHost, chooseLang, chooseTheme, waitingMessage, watchOffice } from './bootstrap';
import { translator } from './i18n';

const container = document.getElementById('root');
if (container) {
  const root = createRoot(container);
  const loading = document.getElementById('loading');
  // An injected host needs no Excel: don't wait long for office.js to give up outside Office.
  const wait = window.__JOBTARGET_HOST__ ? 1500 : 8000;
  const office = watchOffice(wait);
  void office.first.then((info) => {
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
    if (!host && info.timedOut) {
      // Office is slower than the wait: say so, keep listening, and start as soon as it is ready.
      if (loading) loading.textContent = waitingMessage(lang);
      void office.late.then((late) => {
        let next = null;
        try {
          next = chooseHost(window, late, defaultHost);
        } catch (e) {
          console.error(e);
        }
        loading?.remove();
        root.render(<App host={next} lang={lang} theme={theme} />);
      });
      return;
    }
    loading?.remove();
    root.render(<App host={host} lang={lang} theme={theme} />);
  });
}
