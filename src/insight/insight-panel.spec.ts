import { insightPanel } from './insight-panel';
import type { JobInsight } from './job-insight.service';

const insight = (views: number[], applications = 0): JobInsight => ({
  jobId: 'job',
  from: '2026-03-01',
  to: `2026-03-0${views.length}`,
  days: views.map((v, i) => ({ day: `2026-03-0${i + 1}`, views: v, visitors: v, applyClicks: 0, applications: i === 0 ? applications : 0 })),
  totals: {
    views: views.reduce((a, b) => a + b, 0),
    visitors: views.some(Boolean) ? 1 : 0,
    applyClicks: 0,
    applications,
    conversion: views.some(Boolean) ? applications / views.reduce((a, b) => a + b, 0) : null,
  },
});

describe('insightPanel', () => {
  it('gives the totals, with the views-to-applications rate for a job that takes applications here', () => {
    const panel = insightPanel(insight([1200, 300], 3), true);
    expect(panel.period).toBe('March 1, 2026 to March 2, 2026');
    expect(panel.totals).toEqual([
      { label: 'Views', value: '1,500' },
      { label: 'Unique visitors', value: '1' },
      { label: 'Apply clicks', value: '0' },
      { label: 'Applications', value: '3' },
      { label: 'Views to applications', value: '0.2%' },
    ]);
    expect(panel.days.map((d) => d.label)).toEqual(['March 1, 2026', 'March 2, 2026']);
    expect(panel.chart).toContain(
      '<desc id="insight-chart-desc">1,500 views, 1 unique visitor, 0 apply clicks and 3 applications from March 1, 2026 to March 2, 2026. Most views in a day: 1,200, on March 1, 2026.</desc>',
    );
  });

  it('leaves the rate out for a job whose applications happen elsewhere, and for a job nobody has seen', () => {
    expect(insightPanel(insight([10, 5]), false).totals.map((t) => t.label)).toEqual(['Views', 'Unique visitors', 'Apply clicks', 'Applications']);
    const unseen = insightPanel(insight([0, 0]), true);
    expect(unseen.totals.map((t) => t.label)).toEqual(['Views', 'Unique visitors', 'Apply clicks', 'Applications']);
    expect(unseen.chart).toContain(
      '<desc id="insight-chart-desc">0 views, 0 unique visitors, 0 apply clicks and 0 applications from March 1, 2026 to March 2, 2026.</desc>',
    );
  });
});
