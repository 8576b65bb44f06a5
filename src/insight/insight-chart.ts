import hbs from 'hbs';
import type { InsightDay } from './job-insight.service';

const escape = (text: string): string => hbs.handlebars.Utils.escapeExpression(text);

const WIDTH = 640;
const LEFT = 44;
const RIGHT = 8;
/** Traffic above (views, visitors), actions below (apply clicks, applications): each on its own scale, as actions are far fewer. */
const TRAFFIC = { top: 10, height: 110 };
const ACTIONS = { top: 146, height: 54 };
const LABELS_Y = 220;
const HEIGHT = 228;

const shortDay = new Intl.DateTimeFormat('en-US', { month: 'short', day: 'numeric', timeZone: 'UTC' });

/** The top of a scale: 1, 2 or 5 times a power of ten, at least `value` (and at least 1, so an empty chart still has an axis). */
export function scaleTop(value: number): number {
  if (value <= 1) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  return [1, 2, 5, 10].map((m) => m * power).find((top) => top >= value)!;
}

/** Coordinates keep one decimal: enough for the eye, short in the page. */
const round = (n: number): number => Math.round(n * 10) / 10;

interface Panel {
  top: number;
  height: number;
  bars: number[];
  line: number[];
  barClass: string;
  lineClass: string;
}

function panel({ top, height, bars, line, barClass, lineClass }: Panel, step: number): string {
  const max = scaleTop(Math.max(...bars, ...line));
  const base = top + height;
  const y = (value: number) => round(base - (value / max) * height);
  const x = (i: number) => round(LEFT + i * step + step / 2);
  const barWidth = round(Math.max(1, step * 0.6));
  const points = line.map((v, i) => `${x(i)},${y(v)}`);
  return [
    `<line class="insight-grid" x1="${LEFT}" y1="${top}" x2="${WIDTH - RIGHT}" y2="${top}"/>`,
    `<line class="insight-baseline" x1="${LEFT}" y1="${base}" x2="${WIDTH - RIGHT}" y2="${base}"/>`,
    `<text class="insight-axis" x="${LEFT - 6}" y="${top + 4}" text-anchor="end">${max}</text>`,
    `<text class="insight-axis" x="${LEFT - 6}" y="${base}" text-anchor="end">0</text>`,
    ...bars.flatMap((v, i) =>
      v > 0 ? [`<rect class="${barClass}" x="${round(x(i) - barWidth / 2)}" y="${y(v)}" width="${barWidth}" height="${round(base - y(v))}"/>`] : [],
    ),
    `<polyline class="${lineClass}" points="${points.join(' ')}"/>`,
    ...line.map((v, i) => `<circle class="${lineClass}-point" cx="${x(i)}" cy="${y(v)}" r="2.5"/>`),
  ].join('');
}

/**
 * A small chart of `days` (oldest first) as inline SVG, for the employer's
 * job page: views as bars and unique visitors as a line above, apply clicks
 * as bars and applications as a line below. Colours come from classes in
 * site.css (the CSP allows no style attributes). It is one image to
 * assistive technology, named by `title` and described by `description`;
 * the page gives the numbers as a table too. All text is escaped.
 */
export function insightChart(days: InsightDay[], text: { title: string; description: string }): string {
  const step = (WIDTH - LEFT - RIGHT) / Math.max(days.length, 1);
  const label = (i: number, anchor: string) =>
    `<text class="insight-axis" x="${round(LEFT + i * step + step / 2)}" y="${LABELS_Y}" text-anchor="${anchor}">${escape(shortDay.format(new Date(`${days[i].day}T00:00:00Z`)))}</text>`;
  const xLabels = days.length === 0 ? [] : days.length === 1 ? [label(0, 'middle')] : [label(0, 'start'), label(days.length - 1, 'end')];
  return [
    `<svg class="insight-chart" viewBox="0 0 ${WIDTH} ${HEIGHT}" role="img" aria-labelledby="insight-chart-title insight-chart-desc" xmlns="http://www.w3.org/2000/svg">`,
    `<title id="insight-chart-title">${escape(text.title)}</title>`,
    `<desc id="insight-chart-desc">${escape(text.description)}</desc>`,
    panel({ ...TRAFFIC, bars: days.map((d) => d.views), line: days.map((d) => d.visitors), barClass: 'insight-views', lineClass: 'insight-visitors' }, step),
    panel(
      {
        ...ACTIONS,
        bars: days.map((d) => d.applyClicks),
        line: days.map((d) => d.applications),
        barClass: 'insight-clicks',
        lineClass: 'insight-applications',
      },
      step,
    ),
    ...xLabels,
    '</svg>',
  ].join('');
}
