import { create } from 'xmlbuilder2';
import type { XMLBuilder } from 'xmlbuilder2/lib/interfaces';
import { formatSalary, JobDetailsView } from './job-presenter';
import type { EmploymentType } from './job.entity';

/**
 * The machine-readable faces of the board: RSS, the Indeed job feed, the
 * sitemap and robots.txt. XML is built node by node with xmlbuilder2, which
 * escapes text; user text never meets markup as a string.
 */

const SITE_NAME = 'CareerCenter';

/** Characters XML 1.0 cannot carry at all, not even escaped (control characters, lone surrogates). */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const NOT_XML_CHAR = /[^\u0009\u000A\u000D\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

function xmlText(value: string): string {
  return value.replace(NOT_XML_CHAR, '');
}

function text(parent: XMLBuilder, name: string, value: string): XMLBuilder {
  return parent.ele(name).txt(xmlText(value));
}

/** A CDATA element; a "]]>" inside the value is split across two sections so it cannot end the first. */
function cdata(parent: XMLBuilder, name: string, value: string): void {
  const element = parent.ele(name);
  const parts = xmlText(value).split(']]>');
  parts.forEach((part, i) => element.dat(`${i > 0 ? '>' : ''}${part}${i < parts.length - 1 ? ']]' : ''}`));
}

function document(): XMLBuilder {
  return create({ version: '1.0', encoding: 'UTF-8' });
}

/** RSS 2.0 (https://www.rssboard.org/rss-specification) with the newest open jobs. */
export function buildRss(jobs: JobDetailsView[], appUrl: string, now: Date): string {
  const rss = document().ele('rss', { version: '2.0', 'xmlns:atom': 'http://www.w3.org/2005/Atom' });
  const channel = rss.ele('channel');
  text(channel, 'title', `${SITE_NAME}: jobs for medical coders`);
  text(channel, 'link', `${appUrl}/jobs`);
  text(channel, 'description', 'The newest open jobs for certified medical coders.');
  text(channel, 'language', 'en-us');
  text(channel, 'lastBuildDate', (jobs[0]?.posted ? new Date(jobs[0].posted.iso) : now).toUTCString());
  channel.ele('atom:link', { href: `${appUrl}/jobs.rss`, rel: 'self', type: 'application/rss+xml' });
  for (const job of jobs) {
    const item = channel.ele('item');
    const url = `${appUrl}${job.path}`;
    text(item, 'title', `${job.title} at ${job.organization.name}`);
    text(item, 'link', url);
    item.ele('guid', { isPermaLink: 'true' }).txt(url);
    // Date.toUTCString is the RFC 822 form RSS asks for ("Tue, 03 Mar 2026 14:00:00 GMT").
    if (job.posted) text(item, 'pubDate', new Date(job.posted.iso).toUTCString());
    // Sanitized HTML, escaped as text: feed readers render it as the page does.
    text(item, 'description', job.descriptionHtml);
    for (const credential of job.credentials) text(item, 'category', credential.code);
  }
  return rss.end({ prettyPrint: true });
}

const INDEED_JOB_TYPES: Record<EmploymentType, string> = {
  FULL_TIME: 'fulltime',
  PART_TIME: 'parttime',
  CONTRACTOR: 'contract',
  TEMPORARY: 'temporary',
  PER_DIEM: 'perdiem',
  INTERN: 'internship',
};

const INDEED_REMOTE_TYPES: Record<JobDetailsView['workplace'], string> = { onsite: '', hybrid: 'Hybrid remote', remote: 'Fully remote' };

/**
 * The Indeed XML job feed (https://docs.indeed.com/indeed-apply/xml-feed)
 * with every open job. Indeed wants one <job> per location, each with its
 * own reference number: the job id, then `<id>-2`, `<id>-3`… for further
 * locations. The job's `url` is its page here, which carries the
 * employer's apply link; email applications also name the address.
 */
export function buildIndeedFeed(jobs: JobDetailsView[], appUrl: string): string {
  const source = document().ele('source');
  text(source, 'publisher', SITE_NAME);
  text(source, 'publisherurl', appUrl);
  for (const job of jobs) {
    const places = job.locations.length > 0 ? job.locations : [null];
    places.forEach((place, i) => {
      const entry = source.ele('job');
      cdata(entry, 'title', job.title);
      cdata(entry, 'date', job.posted?.iso ?? '');
      cdata(entry, 'referencenumber', i === 0 ? job.id : `${job.id}-${i + 1}`);
      cdata(entry, 'requisitionid', job.id);
      cdata(entry, 'url', `${appUrl}${job.path}`);
      cdata(entry, 'company', job.organization.name);
      cdata(entry, 'city', place?.city ?? '');
      cdata(entry, 'state', place?.state ?? '');
      cdata(entry, 'country', 'US');
      cdata(entry, 'postalcode', place?.postalCode ?? '');
      if (job.apply.email) cdata(entry, 'email', job.apply.email);
      cdata(entry, 'description', job.descriptionHtml);
      cdata(entry, 'salary', job.salary ? (formatSalary(job.salary, ' - ') ?? '') : '');
      cdata(entry, 'jobtype', INDEED_JOB_TYPES[job.employmentType]);
      cdata(entry, 'remotetype', INDEED_REMOTE_TYPES[job.workplace]);
      if (job.minYearsExperience) cdata(entry, 'experience', `${job.minYearsExperience}+ years`);
    });
  }
  return source.end();
}

export interface SitemapEntry {
  path: string;
  lastmod: Date | null;
}

const SITEMAP_NS = 'http://www.sitemaps.org/schemas/sitemap/0.9';

/** Pages anyone may visit that are worth a search engine's time. */
export const STATIC_PAGES = ['/', '/jobs', '/register', '/login'];

/** https://www.sitemaps.org/protocol.html: static pages, then company pages, then job pages. */
export function buildSitemap(entries: { jobs: SitemapEntry[]; companies: SitemapEntry[] }, appUrl: string): string {
  const newestJob = entries.jobs.reduce<Date | null>((newest, e) => (e.lastmod && (!newest || e.lastmod > newest) ? e.lastmod : newest), null);
  const urlset = document().ele(SITEMAP_NS, 'urlset');
  const add = ({ path, lastmod }: SitemapEntry) => {
    const url = urlset.ele('url');
    text(url, 'loc', `${appUrl}${path}`);
    if (lastmod) text(url, 'lastmod', lastmod.toISOString());
  };
  for (const path of STATIC_PAGES) add({ path, lastmod: path === '/jobs' ? newestJob : null });
  entries.companies.forEach(add);
  entries.jobs.forEach(add);
  return urlset.end({ prettyPrint: true });
}

/** Everything may be crawled but the signed-in areas and the API. */
export function robotsTxt(appUrl: string): string {
  return [
    'User-agent: *',
    'Allow: /',
    'Disallow: /employer',
    'Disallow: /account',
    'Disallow: /api/',
    'Disallow: /dev/',
    '',
    `Sitemap: ${appUrl}/sitemap.xml`,
    '',
  ].join('\n');
}
