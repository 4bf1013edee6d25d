// Entry of the task pane page: inside Excel when office.js finds an Excel host, else the
// browser mode. The step comes from the URL the ribbon button opened.
import { createRoot } from 'react-dom/client';
import { stepFromUrl } from '../commands/steps';
import { App } from './App';
import { browserHost, excelHost, type TaskpaneHost } from './host';

async function hostDetect(): Promise<TaskpaneHost> {
  if (typeof Office === 'undefined' || typeof Office.onReady !== 'function') return browserHost();
  const timeout = new Promise<undefined>((resolve) => setTimeout(() => resolve(undefined), 5000));
  const info = await Promise.race([Office.onReady(), timeout]);
  return info?.host === Office.HostType.Excel && typeof Excel !== 'undefined' ? excelHost() : browserHost();
}

void hostDetect().then((host) => {
  const root = createRoot(document.getElementById('root') as HTMLElement);
  root.render(<App host={host} step={stepFromUrl(window.location.search)} />);
});
