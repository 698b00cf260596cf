// Every app spec's page must stay clean: no uncaught error, no console error, no dialog, no request
// outside the app (it is offline), no failed request (one the page cancels does not count) nor HTTP error. The fixture watches the page
// from its first navigation and checks after each test. A test that provokes a problem on purpose
// before the app runs (a JSON page's own favicon 404) empties `pageProblems` at that point.
//   import { expect, test } from './clean-page';
//   test('…', async ({ page, pageProblems }) => { …; pageProblems.splice(0); … });
import { expect, test as base } from '@playwright/test';

const INSIDE_THE_APP = /^(data:|blob:|http:\/\/127\.0\.0\.1:\d+\/)/;

export const test = base.extend<{ pageProblems: string[] }>({
  pageProblems: [
    async ({ page }, use) => {
      const problems: string[] = [];
      page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
      page.on('console', (message) => {
        if (message.type() === 'error') problems.push(`console: ${message.text()}`);
      });
      page.on('dialog', (dialog) => {
        problems.push(`dialog: ${dialog.type()} ${dialog.message()}`);
        void dialog.dismiss();
      });
      page.on('request', (request) => {
        if (!INSIDE_THE_APP.test(request.url())) problems.push(`request outside the app: ${request.url()}`);
      });
      // A request the page itself cancels (a reload, a worker terminated while its script loads) ends
      // as net::ERR_ABORTED: not a failure of the network or the app's files, which are what count.
      page.on('requestfailed', (request) => {
        const reason = request.failure()?.errorText ?? '';
        if (reason !== 'net::ERR_ABORTED') problems.push(`requestfailed: ${request.url()} ${reason}`);
      });
      page.on('response', (response) => {
        if (response.status() >= 400) problems.push(`HTTP ${response.status()}: ${response.url()}`);
      });
      await use(problems);
      expect(problems, 'the page stayed clean').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };
