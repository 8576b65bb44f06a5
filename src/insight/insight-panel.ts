import { dateView } from '../jobs/job-presenter';
import { insightChart } from './insight-chart';
import type { InsightDay, JobInsight } from './job-insight.service';

/** The insight section of the employer's job page (views/partials/job_insight.hbs). */
export interface InsightPanel {
  period: string;
  totals: Array<{ label: string; value: string }>;
  /** Escaped SVG markup from insightChart. */
  chart: string;
  days: Array<InsightDay & { label: string }>;
}

const count = new Intl.NumberFormat('en-US');
const percent = new Intl.NumberFormat('en-US', { style: 'percent', maximumFractionDigits: 1 });
const counted = (n: number, one: string, many: string): string => `${count.format(n)} ${n === 1 ? one : many}`;
const dayLabel = (day: string): string => dateView(new Date(`${day}T00:00:00Z`))!.label;

/** `insight` for the page; the views-to-applications rate only for a job that takes applications here (others apply elsewhere). */
export function insightPanel(insight: JobInsight, takesApplicationsHere: boolean): InsightPanel {
  const { totals, days } = insight;
  const period = `${dayLabel(insight.from)} to ${dayLabel(insight.to)}`;
  const busiest = days.reduce<InsightDay | null>((best, d) => (d.views > (best?.views ?? 0) ? d : best), null);
  const summary =
    `${counted(totals.views, 'view', 'views')}, ${counted(totals.visitors, 'unique visitor', 'unique visitors')}, ` +
    `${counted(totals.applyClicks, 'apply click', 'apply clicks')} and ${counted(totals.applications, 'application', 'applications')} from ${period}.` +
    (busiest ? ` Most views in a day: ${count.format(busiest.views)}, on ${dayLabel(busiest.day)}.` : '');
  return {
    period,
    totals: [
      { label: 'Views', value: count.format(totals.views) },
      { label: 'Unique visitors', value: count.format(totals.visitors) },
      { label: 'Apply clicks', value: count.format(totals.applyClicks) },
      { label: 'Applications', value: count.format(totals.applications) },
      ...(takesApplicationsHere && totals.conversion !== null ? [{ label: 'Views to applications', value: percent.format(totals.conversion) }] : []),
    ],
    chart: insightChart(days, { title: `Views, visitors, apply clicks and applications per day, ${period}`, description: summary }),
    days: days.map((d) => ({ ...d, label: dayLabel(d.day) })),
  };
}
