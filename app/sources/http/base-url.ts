/** Provider base URLs: https, or plain http on loopback only (the demo server, tests). */

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]', '::1']);

export function checkBaseUrl(raw: string, variable: string): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(`${variable} is not a URL: "${raw}"`);
  }
  if (url.protocol === 'https:') return url;
  if (url.protocol === 'http:' && LOOPBACK.has(url.hostname)) return url;
  throw new Error(`${variable} must use https (plain http is accepted for 127.0.0.1 and localhost only): "${url.origin}"`);
}

export function joinUrl(base: URL, path: string, params: Array<[string, string]>): string {
  const url = new URL(path.replace(/^\//, ''), base.href.endsWith('/') ? base.href : `${base.href}/`);
  for (const [name, value] of params) url.searchParams.append(name, value);
  return url.toString();
}
