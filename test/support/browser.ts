/** A cookie-keeping web client for tests that fill in and submit the site's HTML forms. */

export interface Page {
  status: number;
  location: string | null;
  html: string;
  /** The page's visible text, tags stripped and entities decoded. */
  text: string;
  setCookies: string[];
  headers: Headers;
}

/** Form fields as a browser sends them; an array is a repeated name (checkboxes, multi-selects). */
export type FormFields = Record<string, string | string[]>;

/** The page's text without markup, as a reader sees it. */
export function textOf(html: string): string {
  return html
    .replace(/<(script|style)[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&#x3D;/g, '=')
    .replace(/&#x60;/g, '`')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The hidden CSRF token of the first form on the page. */
export function csrfOf(html: string): string {
  const match = /name="_csrf" value="([^"]+)"/.exec(html);
  if (!match) throw new Error(`No _csrf field in:\n${html}`);
  return match[1];
}

function encode(fields: FormFields): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(fields)) {
    for (const v of Array.isArray(value) ? value : [value]) params.append(name, v);
  }
  return params.toString();
}

/** A cookie-keeping client that never follows redirects, like a browser tab we can inspect. */
export class Browser {
  readonly cookies = new Map<string, string>();

  constructor(private readonly baseUrl: string) {}

  get(path: string): Promise<Page> {
    return this.request('GET', path);
  }

  post(path: string, fields: FormFields): Promise<Page> {
    return this.request('POST', path, encode(fields));
  }

  /** Opens `pagePath`, then posts `fields` to `action` with that page's CSRF token, as submitting its form does. */
  async submit(pagePath: string, action: string, fields: FormFields): Promise<Page> {
    const page = await this.get(pagePath);
    return this.post(action, { _csrf: csrfOf(page.html), ...fields });
  }

  /** A second tab with a copy of this one's cookies. */
  clone(): Browser {
    const other = new Browser(this.baseUrl);
    for (const [k, v] of this.cookies) other.cookies.set(k, v);
    return other;
  }

  private async request(method: string, path: string, body?: string): Promise<Page> {
    const headers: Record<string, string> = { accept: 'text/html' };
    if (this.cookies.size) headers.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    if (body !== undefined) headers['content-type'] = 'application/x-www-form-urlencoded';
    const res = await fetch(`${this.baseUrl}${path}`, { method, headers, body, redirect: 'manual' });
    const setCookies = res.headers.getSetCookie();
    for (const cookie of setCookies) {
      const [pair, ...attributes] = cookie.split(';').map((s) => s.trim());
      const name = pair.slice(0, pair.indexOf('='));
      const expires = attributes.find((a) => /^expires=/i.test(a));
      const gone = /^max-age=0$/i.test(attributes.find((a) => /^max-age=/i.test(a)) ?? '') || (expires && new Date(expires.slice(8)).getTime() <= Date.now());
      if (gone) this.cookies.delete(name);
      else this.cookies.set(name, pair.slice(name.length + 1));
    }
    const html = await res.text();
    return { status: res.status, location: res.headers.get('location'), html, text: textOf(html), setCookies, headers: res.headers };
  }
}
