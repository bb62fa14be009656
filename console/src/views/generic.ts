import { h, table } from '../dom';
import { t } from '../i18n';
import { num } from '../format';
import { ApiError } from '../api';

/** The flat numbers and texts of an answer as a two-column table (for answers whose shape may grow). */
export function figures(testId: string, body: Record<string, unknown>): HTMLElement {
  const rows: (string)[][] = [];
  const walk = (prefix: string, v: unknown) => {
    if (v === null || v === undefined) return;
    if (typeof v === 'number') rows.push([prefix, num(v)]);
    else if (typeof v === 'string' || typeof v === 'boolean') rows.push([prefix, String(v)]);
    else if (!Array.isArray(v) && typeof v === 'object') for (const [k, x] of Object.entries(v as object)) if (k !== 'computedAt' && k !== 'appId') walk(prefix ? `${prefix}.${k}` : k, x);
  };
  walk('', body);
  return table(testId, ['', ''], rows.map(([k, v]) => [t(k), v]));
}

/** True when the error says the route does not exist (yet): the view then says so. */
export function notDeployed(e: unknown): boolean {
  return e instanceof ApiError && e.status === 404;
}

export function notAvailable(testId: string): HTMLElement {
  return h('p', { class: 'muted', 'data-testid': testId }, t('notAvailable'));
}
