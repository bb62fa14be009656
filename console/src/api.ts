// The admin API client. The key lives in sessionStorage only (gone with the tab), is sent in the
// Authorization header only, and never appears in a URL, localStorage or a log.

export class ApiError extends Error {
  constructor(readonly status: number, readonly body: any) {
    super(body && typeof body.error === 'string' ? body.error : `HTTP ${status}`);
  }
}

let apiUrl = '';

/** Reads config.json (written at deploy time with the API's URL; empty: the same origin). */
export async function loadConfig(): Promise<void> {
  try {
    const r = await fetch('./config.json', { cache: 'no-store' });
    if (r.ok) apiUrl = String((await r.json()).apiUrl ?? '').replace(/\/+$/, '');
  } catch {
    apiUrl = '';
  }
}

export interface Session { appId: string; adminKey: string }

export function session(): Session | null {
  const appId = sessionStorage.getItem('appId');
  const adminKey = sessionStorage.getItem('adminKey');
  return appId && adminKey ? { appId, adminKey } : null;
}

export function saveSession(s: Session): void {
  sessionStorage.setItem('appId', s.appId);
  sessionStorage.setItem('adminKey', s.adminKey);
}

export function clearSession(): void {
  sessionStorage.removeItem('appId');
  sessionStorage.removeItem('adminKey');
}

export interface CallOptions { query?: Record<string, string | number | undefined>; body?: unknown; accept?: string; as?: Session }

export interface RawAnswer { status: number; text: string; headers: Headers }

/** One call of {@code /v1/apps/{appId}/…}; {@code path} is what follows the app. */
export async function raw(method: string, path: string, o: CallOptions = {}): Promise<RawAnswer> {
  const s = o.as ?? session();
  if (!s) throw new ApiError(401, { error: 'not signed in' });
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(o.query ?? {})) if (v !== undefined && v !== '') q.set(k, String(v));
  const url = `${apiUrl}/v1/apps/${encodeURIComponent(s.appId)}${path}${q.toString() ? '?' + q : ''}`;
  const headers: Record<string, string> = { authorization: `Bearer ${s.adminKey}`, accept: o.accept ?? 'application/json' };
  if (o.body !== undefined) headers['content-type'] = 'application/json';
  const r = await fetch(url, { method, headers, body: o.body === undefined ? undefined : JSON.stringify(o.body), credentials: 'omit', referrerPolicy: 'no-referrer' });
  return { status: r.status, text: await r.text(), headers: r.headers };
}

/** A JSON call; non-2xx throws ApiError with the answer's body (its error, field, reason). */
export async function api<T = any>(method: string, path: string, o: CallOptions = {}): Promise<T> {
  const r = await raw(method, path, o);
  let body: any = null;
  try { body = r.text ? JSON.parse(r.text) : null; } catch { body = { error: r.text }; }
  if (r.status < 200 || r.status > 299) throw new ApiError(r.status, body);
  return body as T;
}

export const get = <T = any>(path: string, query?: CallOptions['query']) => api<T>('GET', path, { query });
