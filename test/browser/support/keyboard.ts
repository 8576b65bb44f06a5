import { Page } from 'playwright-core';

/** What the focused element shows: its role and accessible name, as the accessibility tree has them, and whether it is seen. */
interface Focused {
  label: string;
  onScreen: boolean;
  indicated: boolean;
}

async function focused(page: Page): Promise<Focused> {
  const element = page.locator('*:focus');
  const [label, seen] = await Promise.all([
    element.ariaSnapshot().then((snapshot) => snapshot.split('\n')[0].replace(/^- /, '').replace(/:$/, '')),
    element.evaluate((el) => {
      const view = el.ownerDocument.defaultView!;
      const box = el.getBoundingClientRect();
      const style = view.getComputedStyle(el);
      return {
        onScreen: box.width > 0 && box.height > 0 && box.bottom > 0 && box.top < view.innerHeight && box.right > 0 && box.left < view.innerWidth,
        indicated: el.matches(':focus-visible') && (style.outlineStyle !== 'none' || style.boxShadow !== 'none'),
      };
    }),
  ]);
  return { label, ...seen };
}

/** The focused element once the page has scrolled it into view: the site scrolls smoothly unless the reader asks for less motion. */
async function settled(page: Page): Promise<Focused> {
  const deadline = Date.now() + 1000;
  for (;;) {
    const now = await focused(page);
    if (now.onScreen || Date.now() > deadline) return now;
    await page.waitForTimeout(50);
  }
}

/**
 * Presses Tab until the focused element's role and name (`link "Sign in"`)
 * match `target`, at most `max` times. Every element focused on the way must
 * be on screen and show the focus style, and the target must come within
 * `max` presses: focus that wanders off or takes a long way round fails.
 */
export async function tabTo(page: Page, target: RegExp, max = 30): Promise<void> {
  const path: string[] = [];
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const now = await settled(page);
    path.push(now.label);
    if (!now.onScreen || !now.indicated) {
      throw new Error(`Focus on ${now.label} is ${now.onScreen ? 'not shown' : 'off screen'}; focus went through: ${path.join(' → ')}`);
    }
    if (target.test(now.label)) return;
  }
  throw new Error(`${target} not reached in ${max} presses of Tab; focus went through: ${path.join(' → ')}`);
}
