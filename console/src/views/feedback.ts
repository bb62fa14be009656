import { h, replace, table } from '../dom';
import { t } from '../i18n';
import { api, get } from '../api';
import { dateTime, dayInZone, addDays } from '../format';
import { figures, notDeployed, notAvailable } from './generic';

/** The feedback inbox (newest first, filters, acknowledge/resolve with a note) and the sharing figures. */
export async function feedbackView(main: HTMLElement): Promise<void> {
  const status = h('select', { name: 'status', 'data-testid': 'feedback-status' }, ['', 'open', 'acknowledged', 'resolved'].map((s) => h('option', { value: s }, s ? t(s) : t('all'))));
  const category = h('input', { name: 'category', size: 10, 'data-testid': 'feedback-category' });
  const inbox = h('div', { 'data-testid': 'feedback-inbox' });
  const sharing = h('section', { class: 'card', 'data-testid': 'sharing' });
  let items: any;
  const load = async () => { items = await get('/feedback', { status: status.value, category: category.value.trim() }); };
  try {
    await load();
  } catch (e) {
    if (notDeployed(e)) { replace(main, notAvailable('feedback-unavailable')); return; }
    throw e;
  }
  const draw = () => {
    const list: any[] = items.feedback ?? items.items ?? [];
    replace(inbox, table('feedback-table', [t('day'), t('customerId'), t('category'), t('text'), t('status'), t('note'), ''],
      list.map((f) => {
        const id = f.feedbackId ?? f.id;
        const note = h('input', { name: 'note', size: 12, 'data-note-for': id, value: f.note ?? '' });
        const act = (next: string) => h('button', { type: 'button', 'data-action': next, 'data-id': id, onclick: async () => {
          await api('PATCH', `/feedback/${encodeURIComponent(id)}`, { body: { status: next, note: note.value } });
          await load();
          draw();
        } }, t(next === 'acknowledged' ? 'acknowledge' : 'resolve'));
        // Customer-supplied text goes in as a text node, like every string here.
        return [dateTime(f.receivedAt ?? f.createdAt), f.customerId ?? '', f.category ?? '', h('span', { class: 'feedback-text', 'data-feedback': id }, String(f.text ?? '')),
          h('span', { 'data-status-of': id }, t(String(f.status ?? ''))), note, h('span', {}, act('acknowledged'), act('resolved'))];
      })));
  };
  draw();
  replace(main, h('form', { class: 'toolbar', onsubmit: async (e: Event) => { e.preventDefault(); await load(); draw(); } },
    h('label', {}, t('status')), status, h('label', {}, t('category')), category, h('button', { type: 'submit' }, t('filter'))), inbox, sharing);
  const today = dayInZone();  // the sharing and feedback figures of the last 30 days
  const feedbackStats = h('section', { class: 'card', 'data-testid': 'feedback-stats' });
  main.appendChild(feedbackStats);
  try {
    replace(feedbackStats, h('h2', {}, t('feedback')), figures('feedback-figures', await get('/stats/feedback', { from: addDays(today, -29), to: today })));
  } catch (e) {
    if (notDeployed(e)) replace(feedbackStats, notAvailable('feedback-stats-unavailable'));
    else throw e;
  }
  try {
    replace(sharing, h('h2', {}, 'Sharing'), figures('sharing-table', await get('/stats/sharing', { from: addDays(today, -29), to: today })));
  } catch (e) {
    if (notDeployed(e)) replace(sharing, notAvailable('sharing-unavailable'));
    else throw e;
  }
}
