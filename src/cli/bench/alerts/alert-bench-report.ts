import { DIGEST_BATCH_SIZE } from '../../../alerts/engine/alert-digests';
import { JOBS_PER_MATCH, MATCH_CONCURRENCY, MATCH_WRITERS } from '../../../alerts/engine/alert-matcher';
import { MAIL_BATCH_SIZE } from '../../../mail/mail-delivery.service';
import { SMTP_CONNECTIONS } from '../../../mail/mail-transport';
import type { AlertBenchSize } from './alert-bench-data';

export interface AlertBenchReport {
  size: AlertBenchSize;
  machine: string;
  seedSeconds: number;
  members: number;
  byFrequency: Record<string, number>;
  match: { seconds: number; deliveries: number; instantEmails: number; heldBack: number };
  digests: { seconds: number; alerts: number; emails: number };
  send: { seconds: number; messages: number };
}

/** Issue 6's targets, for 1,000 new jobs against 100,000 alerts on two cores. */
export const TARGETS = { matchSeconds: 10, digestSeconds: 60, messagesPerSecond: 300 } as const;

const count = (value: number) => Math.round(value).toLocaleString('en-US');
const seconds = (value: number) => `${value < 10 ? value.toFixed(2) : value.toFixed(1)} s`;
const row = (cells: string[]) => `| ${cells.join(' | ')} |`;
const verdict = (met: boolean) => (met ? 'met' : '**missed**');

/** The figures as Markdown: a heading, the setting, one table with the targets. */
export function renderAlertReport(report: AlertBenchReport): string {
  const { size, match, digests, send } = report;
  const rate = send.messages / send.seconds;
  const mix = ['instant', 'daily', 'weekly'].map((f) => `${count(report.byFrequency[f] ?? 0)} ${f}`).join(', ');
  return [
    `### ${count(size.alerts)} alerts, ${count(size.jobs)} new jobs (seed ${size.seed})`,
    '',
    `${report.machine}. Alerts: ${mix}; ${count(report.members)} members' and the rest guests' (seeded in ${report.seedSeconds.toFixed(0)} s).`,
    '',
    row(['Step', 'Time', 'Work done', `Target (${count(100_000)} alerts, ${count(1000)} jobs)`, '']),
    row(['---', '---:', '---', '---', '---']),
    row([
      `Match the new jobs to every alert`,
      seconds(match.seconds),
      `${count(match.instantEmails)} instant emails queued listing ${count(match.deliveries)} jobs; ${count(match.heldBack)} alerts past the daily cap began holding jobs for a digest`,
      `≤ ${TARGETS.matchSeconds} s`,
      verdict(match.seconds <= TARGETS.matchSeconds),
    ]),
    row([
      'Compute and enqueue the digests of every alert, all due',
      seconds(digests.seconds),
      `${count(digests.alerts)} alerts, ${count(digests.emails)} digest emails queued`,
      `≤ ${TARGETS.digestSeconds} s`,
      verdict(digests.seconds <= TARGETS.digestSeconds),
    ]),
    row([
      'Send queued alert emails (composed at send time) through the pooled transport to a loopback SMTP sink',
      `${count(rate)} msg/s`,
      `${count(send.messages)} messages in ${seconds(send.seconds)}`,
      `≥ ${TARGETS.messagesPerSecond} msg/s`,
      verdict(rate >= TARGETS.messagesPerSecond),
    ]),
    '',
    `Matching runs as the queue worker does, ${JOBS_PER_MATCH} jobs per queued match, ${MATCH_CONCURRENCY} matches at a time, each writing in ${MATCH_WRITERS} transactions; digests as the five-minute run does, ${DIGEST_BATCH_SIZE} alerts per transaction; ` +
      `sending as the mail queue workers do (each queued job holds ${MAIL_BATCH_SIZE} emails, sent ${SMTP_CONNECTIONS} at a time over ${SMTP_CONNECTIONS} pooled connections), measured from the workers’ start.`,
  ].join('\n');
}
