import { Browser } from 'playwright-core';
import { linkIn, startSmtpServer, TestSmtpServer } from '../../support/smtp';
import { createTestApp, TestApp } from '../../support/test-app';
import { launchChromium } from './chromium';
import { Tab } from './tab';
import { Viewport } from './viewports';

export interface Site {
  app: TestApp;
  smtp: TestSmtpServer;
  /** A new tab (a fresh context: nobody signed in) at `viewport`, checked after each test. */
  open(viewport: Viewport): Promise<Tab>;
  /** The path and query of the link to `path` in the first mail to `to` that has one. */
  mailedPath(to: string, path: string): Promise<string>;
}

/**
 * The real app on its own database, mailing the test SMTP server, and one
 * Chromium for the spec file. Returns at once; the fields are there from
 * `beforeAll` on. After each test, every open tab must be clean.
 */
export function useSite(settings: Record<string, string> = {}): Site {
  let chromium: Browser;
  const tabs: Tab[] = [];
  const site = {
    async open(viewport: Viewport) {
      const tab = await Tab.open(chromium, viewport, site.app.baseUrl);
      tabs.push(tab);
      return tab;
    },
    async mailedPath(to: string, path: string) {
      const mail = await site.smtp.waitFor((m) => m.to.includes(to) && m.text.includes(`${path}?`));
      const url = new URL(linkIn(mail, `${path}?`));
      return `${url.pathname}${url.search}`;
    },
  } as Site;

  beforeAll(async () => {
    site.smtp = await startSmtpServer();
    [site.app, chromium] = await Promise.all([
      createTestApp({ SMTP_URL: site.smtp.url, RATE_LIMIT_AUTH_PER_IP: '1000', RATE_LIMIT_AUTH_PER_ACCOUNT: '1000', ...settings }),
      launchChromium(),
    ]);
  });
  afterEach(() => {
    for (const tab of tabs) tab.assertClean();
  });
  afterAll(async () => {
    await chromium?.close();
    await site.app?.close();
    await site.smtp?.close();
  });
  return site;
}
