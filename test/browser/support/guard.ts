import { BrowserContext, Page } from 'playwright-core';

/** What the page's `securitypolicyviolation` event tells, passed out of the page. */
interface CspViolation {
  documentURI: string;
  effectiveDirective: string;
  blockedURI: string;
  sourceFile: string;
  lineNumber: number;
}

/** Runs in every page before its own scripts (page scripts run in the browser, so this one is source text). */
const REPORT_CSP_VIOLATIONS = `document.addEventListener('securitypolicyviolation', (e) =>
  reportCspViolation({ documentURI: e.documentURI, effectiveDirective: e.effectiveDirective, blockedURI: e.blockedURI, sourceFile: e.sourceFile, lineNumber: e.lineNumber }));`;

/**
 * Collects what a journey's pages must never do: log a console error, throw,
 * fail a request, answer 400 or more (unless the step expects that status),
 * or break the Content-Security-Policy. The page keeps its CSP, so a
 * violation is a real one, reported from inside the page.
 */
export class PageGuard {
  private problems: string[] = [];
  private expectedStatus: number | undefined;
  /** The status of the main document last loaded (after any redirects). */
  documentStatus: number | undefined;

  async watch(context: BrowserContext, page: Page): Promise<void> {
    await context.exposeBinding('reportCspViolation', (_source, v: CspViolation) =>
      this.problems.push(
        `CSP violation on ${v.documentURI}: ${v.effectiveDirective} blocked ${v.blockedURI || 'inline code'} (${v.sourceFile}:${v.lineNumber})`,
      ),
    );
    await context.addInitScript({ content: REPORT_CSP_VIOLATIONS });
    page.on('console', (message) => {
      if (message.type() !== 'error') return;
      // Chromium logs every 4xx answer as an error too; an expected one is not a problem.
      const status = /the server responded with a status of (\d+)/.exec(message.text())?.[1];
      if (status && Number(status) === this.expectedStatus) return;
      this.problems.push(`console error on ${message.location().url || page.url()}: ${message.text()}`);
    });
    page.on('pageerror', (error) => this.problems.push(`uncaught error on ${page.url()}: ${error.message}`));
    page.on('requestfailed', (request) => this.problems.push(`request failed: ${request.method()} ${request.url()}: ${request.failure()?.errorText}`));
    page.on('response', (response) => {
      const request = response.request();
      if (request.isNavigationRequest() && response.frame() === page.mainFrame()) this.documentStatus = response.status();
      if (response.status() >= 400 && response.status() !== this.expectedStatus)
        this.problems.push(`${response.status()} answered to ${request.method()} ${response.url()}`);
    });
  }

  /** Until the next call, answers with `status` (a refused form's 422) are expected rather than problems. */
  expectStatus(status: number | undefined): void {
    this.expectedStatus = status;
  }

  /** The problems seen since the last call, which forgets them. */
  take(): string[] {
    const problems = this.problems;
    this.problems = [];
    return problems;
  }
}
