import { readFileSync } from 'node:fs';
import type { AxeResults } from 'axe-core';
import { Page } from 'playwright-core';

const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const FAILING = new Set(['serious', 'critical']);

/**
 * Runs axe-core on the page and throws with the serious and critical
 * violations: rule, targets and help. The script goes in through the
 * DevTools protocol, which the page's CSP does not govern, so the page is
 * checked with its real policy in force.
 */
export async function checkAccessibility(page: Page): Promise<void> {
  if ((await page.evaluate('typeof axe')) === 'undefined') await page.evaluate(AXE_SOURCE);
  const results = await page.evaluate<AxeResults>(`axe.run(document, { resultTypes: ['violations'] })`);
  const failing = results.violations.filter((v) => FAILING.has(v.impact ?? ''));
  if (!failing.length) return;
  const lines = failing.map(
    (v) =>
      `- ${v.id} (${v.impact}): ${v.help}\n  ${v.helpUrl}\n${v.nodes.map((n) => `    ${n.target.join(' ')}: ${n.failureSummary?.replace(/\s+/g, ' ')}`).join('\n')}`,
  );
  throw new Error(`Accessibility: ${failing.length} serious or critical violation(s) on ${page.url()}\n${lines.join('\n')}`);
}
