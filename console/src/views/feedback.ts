import { h, replace, table } from '../dom';
import { t } from '../i18n';
import { api, get, ApiError } from '../api';
import { dateTime, dayInZone, dayOf, addDays } from '../format';
import { figures, notDeployed, notAvailable } from './generic';

/** The feedback inbox (newest first, filters, acknowledge/resolve with a note) and the sharing figures. */
export async function feedbackView(main: HTMLElement): Promise<void> {
  const status = h('select', { name: 'status', 'data-testid': 'feedback-status' }, ['', 'open', 'acknowledged', 'resolved'].map((s) => h('option', { value: s }, s ? t(s) : t('all'))));
  const category = h('select', { name: 'category', 'data-testid': 'feedback-category' }, ['', 'bug', 'suggestion', 'complaint'].map((c) => h('option', { value: c }, c ? t(c) : t('all'))));
  const inbox = h('div', { 'data-testid': 'feedback-inbox' });
  const sharing = h('section', { class: 'card', 'data-testid': 'sharing' });
  const error = h('p', { class: 'error', role: 'alert', 'data-testid': 'feedback-error' });
  let items: any[] = [];
  let cursor: string | null = null;
  /** The first page of the filtered inbox, or ({@code more}) the next one added below. */
  const load = async (more = false) => {
    const page = await get('/feedback', { status: status.value, category: category.value, cursor: more ? cursor ?? undefined : undefined });
    items = more ? items.concat(page.items ?? []) : page.items ?? [];
    cursor = page.cursor ?? null;
  };
  try {
    await load();
  } catch (e) {
    if (notDeployed(e)) { replace(main, notAvailable('feedback-unavailable')); return; }
    throw e;
  }
  const draw = () => {
    replace(inbox, table('feedback-table', [t('day'), t('customerId'), t('category'), t('text'), t('status'), t('note'), ''],
      items.map((f) => {
        const id = f.feedbackId;
        const note = h('input', { name: 'note', size: 16, maxlength: 500, 'data-note-for': id, value: f.note ?? '' });
        const act = (next: string) => h('button', { type: 'button', 'data-action': next, 'data-id': id,
          disabled: f.status === 'resolved' && next !== 'resolved', onclick: async () => {
            error.textContent = '';
            try {
              await api('PATCH', `/feedback/${encodeURIComponent(id)}`, { body: { status: next, note: note.value } });
            } catch (e) {
              if (!(e instanceof ApiError)) throw e;
              error.textContent = `${id}: ${e.body?.reason ?? e.message}`;
              return;
            }
            await load();
            draw();
          } }, t(next === 'acknowledged' ? 'acknowledge' : 'resolve'));
        // Customer-supplied text goes in as a text node, like every string here.
        return [dateTime(f.receivedAt), h('a', { href: `#/customers/${encodeURIComponent(f.customerId)}` }, f.customerId), t(f.category),
          h('span', { class: 'feedback-text', 'data-feedback': id }, String(f.text ?? '')),
          h('span', { 'data-status-of': id }, t(String(f.status))), note, h('span', {}, act('acknowledged'), act('resolved'))];
      })),
    h('button', { type: 'button', 'data-testid': 'feedback-more', disabled: !cursor, onclick: async () => { await load(true); draw(); } }, t('more')));
  };
  draw();
  replace(main, h('form', { class: 'toolbar', onsubmit: async (e: Event) => { e.preventDefault(); await load(); draw(); } },
    h('label', {}, t('status')), status, h('label', {}, t('category')), category, h('button', { type: 'submit', 'data-testid': 'feedback-filter' }, t('filter'))),
  error, inbox, sharing);
  // The sharing and feedback figures of the last 30 days, ending today or on the newest feedback's day when
  // that is later (a clock ahead, as the local demo's simulated days are).
  const newest = items.length ? dayOf(items[0].receivedAt) : '';
  const today = newest > dayInZone() ? newest : dayInZone();
  const from = addDays(today, -29);
  const feedbackStats = h('section', { class: 'card', 'data-testid': 'feedback-stats', 'data-from': from, 'data-to': today });
  main.appendChild(feedbackStats);
  try {
    replace(feedbackStats, h('h2', {}, t('feedback')), figures('feedback-figures', await get('/stats/feedback', { from, to: today })));
  } catch (e) {
    if (notDeployed(e)) replace(feedbackStats, notAvailable('feedback-stats-unavailable'));
    else throw e;
  }
  try {
    replace(sharing, h('h2', {}, t('sharing')), figures('sharing-table', await get('/stats/sharing', { from, to: today })));
  } catch (e) {
    if (notDeployed(e)) replace(sharing, notAvailable('sharing-unavailable'));
    else throw e;
  }
}
