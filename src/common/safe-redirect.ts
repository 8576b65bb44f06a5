/**
 * A `next` target we may redirect to after sign-in: a path on this site.
 * Anything else (other hosts, `//host`, `/\host`, schemes, control
 * characters) becomes `/`, so the sign-in page is no open redirect.
 */
export function safeNextPath(next: unknown): string {
  if (typeof next !== 'string' || next.length === 0 || next.length > 2000) return '/';
  if (!next.startsWith('/') || next.startsWith('//') || next.includes('\\') || /\p{Cc}/u.test(next)) return '/';
  try {
    const base = 'http://careercenter.invalid';
    const url = new URL(next, base);
    if (url.origin !== base) return '/';
    return `${url.pathname}${url.search}${url.hash}`;
  } catch {
    return '/';
  }
}
