import { useSite } from './support/site';
import { VIEWPORTS } from './support/viewports';

describe('the browser suite’s own checks', () => {
  const site = useSite();

  it('fails a page that breaks the CSP, logs an error or answers an unexpected 404, with the list', async () => {
    const tab = await site.open(VIEWPORTS[1]);
    await tab.goto('/jobs', 'guard-jobs');
    await tab.page.locator('main').evaluate((main) => {
      const script = main.ownerDocument.createElement('script');
      script.textContent = 'document.title = "injected"';
      main.append(script);
      console.error('something broke');
      return fetch('/no-such-page');
    });
    await tab.page.waitForTimeout(200);
    const report = (() => {
      try {
        tab.assertClean();
      } catch (e) {
        return (e as Error).message;
      }
    })();
    expect(report).toMatch(/CSP violation on \S+\/jobs: script-src-elem blocked inline/);
    expect(report).toContain('something broke');
    expect(report).toMatch(/404 answered to GET \S+\/no-such-page/);
    expect(await tab.page.title()).not.toBe('injected');
  });

  it('fails a page with a serious accessibility violation, naming the rule and the element', async () => {
    const tab = await site.open(VIEWPORTS[0]);
    await tab.goto('/', 'guard-home');
    await tab.page.locator('main').evaluate((main) => {
      const image = main.ownerDocument.createElement('img');
      image.src = '/public/favicon.svg';
      image.id = 'unlabelled-image';
      main.append(image);
    });
    await expect(tab.arrived('guard-axe')).rejects.toThrow(/image-alt \(critical\)[\s\S]*#unlabelled-image/);
  });
});
