import { JobSearchParams, SEARCH_PARAMS } from '../../search/job-search-query';
import { headerText } from '../../mail/mail-transport';

/** The alert's search on the board, its parameters in the search's canonical order (jsonb keeps keys in an order of its own). */
export function alertSearchLink(appUrl: string, params: JobSearchParams): string {
  const pairs = SEARCH_PARAMS.flatMap((name) => {
    const value = params[name];
    return (Array.isArray(value) ? value : value === undefined ? [] : [value]).map((v): [string, string] => [name, v]);
  });
  const query = new URLSearchParams(pairs).toString();
  return `${appUrl}/jobs${query ? `?${query}` : ''}`;
}

/** The address of a From field ("CareerCenter <no-reply@example.org>" → no-reply@example.org). */
export function mailboxOf(from: string): string {
  return (/<([^<>\s]+@[^<>\s]+)>/.exec(from)?.[1] ?? from).trim();
}

/**
 * List-Unsubscribe with the signed one-click URL and a mailto (RFC 2369),
 * and List-Unsubscribe-Post, which tells mail clients that a POST to the URL
 * unsubscribes without further steps (RFC 8058). The alert's name reaches
 * the mailto only as one line, percent-encoded.
 */
export function unsubscribeHeaders(unsubscribeUrl: string, mailbox: string, alert: { id: string; name: string }): Record<string, string> {
  const subject = encodeURIComponent(headerText(`Unsubscribe from the job alert "${alert.name}" (${alert.id})`));
  return {
    'List-Unsubscribe': `<${unsubscribeUrl}>, <mailto:${mailbox}?subject=${subject}>`,
    'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
  };
}
