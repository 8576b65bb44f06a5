import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Browser, BrowserContext, Page } from 'playwright-core';
import { checkAccessibility } from './axe';
import { PageGuard } from './guard';
import { Viewport } from './viewports';

const ROOT = join(__dirname, '..', '..', '..');
const ARTIFACTS = join(ROOT, 'test-artifacts', 'screenshots');
const DOCS = join(ROOT, 'docs', 'screenshots');

export interface StepOptions {
  /** The status the page is expected to answer with, when it is not a success (a refused form's 422). */
  status?: number;
  /** The viewports at which the page is also saved, at viewport size, under docs/screenshots/ when UPDATE_SCREENSHOTS=1. */
  docs?: string[];
}

/**
 * One person's browser tab on the app, at one viewport, in a context of its
 * own (its own cookies). Every page it loads must go through `arrived`
 * (directly, or by `goto` and `navigate`): axe, a screenshot and the guard.
 */
export class Tab {
  private readonly guard = new PageGuard();
  private readonly loads: string[] = [];
  private checkedLoads = 0;

  private constructor(
    readonly context: BrowserContext,
    readonly page: Page,
    readonly viewport: Viewport,
  ) {}

  static async open(browser: Browser, viewport: Viewport, baseURL: string): Promise<Tab> {
    const { width, height, isMobile, hasTouch } = viewport;
    // A person's Chrome, not "HeadlessChrome": the app does not count crawlers' visits (employer insight), and headless is one to it.
    const userAgent = `Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/${browser.version()}${isMobile ? ' Mobile' : ''} Safari/537.36`;
    const context = await browser.newContext({ baseURL, viewport: { width, height }, isMobile, hasTouch, deviceScaleFactor: 1, userAgent });
    // Everything is local: a step that takes longer than this is stuck, and the next ones should not wait as long.
    context.setDefaultTimeout(10_000);
    const page = await context.newPage();
    const tab = new Tab(context, page, viewport);
    await tab.guard.watch(context, page);
    page.on('load', () => tab.loads.push(page.url()));
    return tab;
  }

  /** Opens `path` as typing it in the address bar does, then checks the page. */
  goto(path: string, name: string, options: StepOptions = {}): Promise<void> {
    return this.navigate(() => this.page.goto(path), name, options);
  }

  /** Runs `action` (a click, a key press), which loads a new page, and checks that page. */
  async navigate(action: () => Promise<unknown>, name: string, options: StepOptions = {}): Promise<void> {
    this.guard.expectStatus(options.status);
    const loaded = this.page.waitForEvent('load');
    // When the action fails, its error is the one to report, not the wait for a page that never came.
    loaded.catch(() => undefined);
    await action();
    await loaded;
    await this.arrived(name, options);
  }

  /** Checks the page now showing: its status, axe, a screenshot named `name`, and what the guard collected. */
  async arrived(name: string, options: StepOptions = {}): Promise<void> {
    const status = this.guard.documentStatus ?? 0;
    if (options.status ? status !== options.status : status >= 400) {
      throw new Error(`${this.page.url()} answered ${status}, expected ${options.status ?? 'a success'}`);
    }
    await checkAccessibility(this.page);
    await this.screenshot(name, options.docs);
    this.checkedLoads = this.loads.length;
    this.guard.expectStatus(undefined);
    this.assertClean();
  }

  /** Throws with every console error, failed request, unexpected status or CSP violation so far, and any page left unchecked. */
  assertClean(): void {
    const problems = this.guard.take();
    const unchecked = this.loads.slice(this.checkedLoads);
    if (unchecked.length) problems.push(`pages loaded but never checked: ${unchecked.join(', ')}`);
    this.checkedLoads = this.loads.length;
    if (problems.length) throw new Error(`At ${this.viewport.name}:\n${problems.map((p) => `- ${p}`).join('\n')}`);
  }

  private async screenshot(name: string, docs: string[] = []): Promise<void> {
    const dir = join(ARTIFACTS, this.viewport.name);
    mkdirSync(dir, { recursive: true });
    await this.page.screenshot({ path: join(dir, `${name}.png`), fullPage: true });
    if (docs.includes(this.viewport.name) && process.env.UPDATE_SCREENSHOTS === '1') {
      mkdirSync(DOCS, { recursive: true });
      await this.page.screenshot({ path: join(DOCS, `${name}-${this.viewport.name}.png`) });
    }
  }

  /** The main content's text as shown. */
  text(): Promise<string> {
    return this.page.locator('main').innerText();
  }
}
