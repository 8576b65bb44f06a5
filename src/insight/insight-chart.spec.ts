import { insightChart, scaleTop } from './insight-chart';
import type { InsightDay } from './job-insight.service';

const day = (date: string, counts: Partial<InsightDay> = {}): InsightDay => ({ day: date, views: 0, visitors: 0, applyClicks: 0, applications: 0, ...counts });

const text = { title: 'Views per day', description: 'Nothing yet.' };

/** The attribute values of every `<tag …>` in `svg`, in order. */
function elements(svg: string, tag: string): Array<Record<string, string>> {
  return [...svg.matchAll(new RegExp(`<${tag} ([^>]*?)/?>`, 'g'))].map((m) =>
    Object.fromEntries([...m[1].matchAll(/([\w-]+)="([^"]*)"/g)].map((a) => [a[1], a[2]])),
  );
}

describe('scaleTop', () => {
  it('rounds the largest value up to 1, 2 or 5 times a power of ten, and is at least 1', () => {
    expect([0, 1, 2, 3, 7, 10, 11, 19, 21, 99, 101, 480, 5000].map(scaleTop)).toEqual([1, 1, 2, 5, 10, 10, 20, 20, 50, 100, 200, 500, 5000]);
  });
});

describe('insightChart', () => {
  const days = [
    day('2026-03-01', { views: 10, visitors: 4, applyClicks: 2, applications: 1 }),
    day('2026-03-02'),
    day('2026-03-03', { views: 20, visitors: 8, applyClicks: 5, applications: 2 }),
  ];

  it('is one image to assistive technology, named by its title and described by its description', () => {
    const svg = insightChart(days, { title: 'Views, March 1 to March 3', description: '30 views in all.' });
    expect(svg.startsWith('<svg class="insight-chart" viewBox="0 0 640 228" role="img" aria-labelledby="insight-chart-title insight-chart-desc"')).toBe(true);
    expect(svg).toContain('<title id="insight-chart-title">Views, March 1 to March 3</title>');
    expect(svg).toContain('<desc id="insight-chart-desc">30 views in all.</desc>');
    expect(svg.endsWith('</svg>')).toBe(true);
  });

  it('draws a bar per day with views and per day with apply clicks, each scaled to its own panel', () => {
    const svg = insightChart(days, text);
    // Views: scale top 20 over 110 units from y=10 to the baseline at y=120.
    expect(elements(svg, 'rect').filter((r) => r.class === 'insight-views')).toEqual([
      { class: 'insight-views', x: '83.2', y: '65', width: '117.6', height: '55' },
      { class: 'insight-views', x: '475.2', y: '10', width: '117.6', height: '110' },
    ]);
    // Apply clicks: scale top 5 over 54 units from y=146 to the baseline at y=200.
    expect(elements(svg, 'rect').filter((r) => r.class === 'insight-clicks')).toEqual([
      { class: 'insight-clicks', x: '83.2', y: '178.4', width: '117.6', height: '21.6' },
      { class: 'insight-clicks', x: '475.2', y: '146', width: '117.6', height: '54' },
    ]);
  });

  it('draws visitors and applications as lines through every day, zeros on the baseline', () => {
    const svg = insightChart(days, text);
    expect(elements(svg, 'polyline')).toEqual([
      { class: 'insight-visitors', points: '142,98 338,120 534,76' },
      { class: 'insight-applications', points: '142,189.2 338,200 534,178.4' },
    ]);
    expect(elements(svg, 'circle').filter((c) => c.class === 'insight-visitors-point')).toHaveLength(3);
  });

  it('labels each scale with its top and zero, and the first and last day', () => {
    const svg = insightChart(days, text);
    const labels = [...svg.matchAll(/<text class="insight-axis"[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]);
    expect(labels).toEqual(['20', '0', '5', '0', 'Mar 1', 'Mar 3']);
  });

  it('still has axes and no bars when nothing was counted', () => {
    const svg = insightChart([day('2026-03-01'), day('2026-03-02')], text);
    expect(svg).not.toContain('<rect');
    expect([...svg.matchAll(/<text class="insight-axis"[^>]*>([^<]*)<\/text>/g)].map((m) => m[1])).toEqual(['1', '0', '1', '0', 'Mar 1', 'Mar 2']);
  });

  it('escapes its texts, so no title can add markup', () => {
    const svg = insightChart(days, { title: '<script>alert(1)</script> & "more"', description: "it's <b>bold</b>" });
    expect(svg).toContain('<title id="insight-chart-title">&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;more&quot;</title>');
    expect(svg).toContain('<desc id="insight-chart-desc">it&#x27;s &lt;b&gt;bold&lt;/b&gt;</desc>');
    expect(svg).not.toContain('<script');
    expect(svg).not.toContain('style=');
  });
});
