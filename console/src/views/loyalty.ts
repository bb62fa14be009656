import { h, replace, table } from '../dom';
import { t } from '../i18n';
import { api, get, ApiError } from '../api';
import { num, dateTime, addDays } from '../format';
import { notDeployed, notAvailable } from './generic';
import { chart } from '../charts';

interface Level { name: string; growth: number; multiplier: number }

/** The message of a refused call: the loyalty routes answer {"error"} (the admin ones also field and reason). */
function refusal(e: unknown): string {
  if (e instanceof ApiError) return e.body?.reason ? `${e.body.field}: ${e.body.reason}` : e.message;
  throw e;
}

/** A requestId for one adjustment: kept while the operator retries the same one, so it is never applied twice. */
function requestId(): string {
  return `console-${crypto.randomUUID()}`;
}

/**
 * The app's levels (from its settings), the rewards with their stock (edit, add, delete), and one
 * customer's points: the account, the ledger page by page, and a manual adjustment. {@code customerId}
 * ({@code #/loyalty/c_…}) opens that customer's points at once.
 */
export async function loyaltyView(main: HTMLElement, customerId?: string): Promise<void> {
  let rewards: any;
  let settings: any;
  try {
    [rewards, settings] = await Promise.all([get('/rewards'), get('/settings')]);
  } catch (e) {
    if (notDeployed(e)) { replace(main, notAvailable('loyalty-unavailable')); return; }
    throw e;
  }
  const levels: Level[] = settings.loyalty?.levels ?? [];
  const levelsCard = h('section', { class: 'card' }, h('h2', {}, t('levels')),
    table('levels-table', [t('name'), t('growth'), t('multiplier'), ''], levels.map((l) => [l.name, num(l.growth), `×${l.multiplier}`,
      h('a', { href: `#/customers?level=${encodeURIComponent(l.name)}`, 'data-level-link': l.name }, t('customers'))])));

  const rewardsBox = h('div', { 'data-testid': 'rewards' });
  const rewardError = h('p', { class: 'error', role: 'alert', 'data-testid': 'reward-error' });
  const field = (name: string, attrs: Record<string, string | number | boolean> = {}) => h('input', { name, ...attrs });
  const idInput = field('rewardId', { size: 12, required: true, pattern: '[A-Za-z0-9_-]{1,64}' });
  const nameInput = field('name', { size: 16, required: true });
  const costInput = field('costPoints', { type: 'number', min: 1, size: 6, required: true });
  const stockInput = field('stock', { type: 'number', min: 0, size: 6, required: true });
  const minLevel = h('select', { name: 'minLevel' }, h('option', { value: '' }, t('anyLevel')), levels.map((l) => h('option', { value: l.name }, l.name)));
  const enabledInput = field('enabled', { type: 'checkbox', checked: true });
  const fill = (r: any) => {
    idInput.value = r?.rewardId ?? ''; nameInput.value = r?.name ?? ''; costInput.value = r ? String(r.costPoints) : '';
    stockInput.value = r ? String(r.stock) : ''; minLevel.value = r?.minLevel ?? ''; enabledInput.checked = r ? r.enabled : true;
    idInput.readOnly = !!r;
  };
  const drawRewards = () => {
    const list: any[] = rewards.rewards ?? [];
    replace(rewardsBox, table('rewards-table', [t('id'), t('name'), t('costPoints'), t('stock'), t('minLevel'), t('enabled'), ''],
      list.map((r) => [r.rewardId, String(r.name), num(r.costPoints), h('span', { 'data-stock-of': r.rewardId }, num(r.stock)), r.minLevel ?? t('anyLevel'),
        r.enabled ? t('on') : t('off'),
        h('span', {},
          h('button', { type: 'button', 'data-action': 'edit-reward', 'data-id': r.rewardId, onclick: () => { rewardError.textContent = ''; fill(r); } }, t('edit')),
          h('button', { type: 'button', 'data-action': 'delete-reward', 'data-id': r.rewardId, onclick: async () => {
            if (!window.confirm(`${t('confirmDeleteReward')} ${r.rewardId}?`)) return;
            try { await api('DELETE', `/rewards/${encodeURIComponent(r.rewardId)}`); } catch (e) { rewardError.textContent = refusal(e); }
            rewards = await get('/rewards');
            drawRewards();
          } }, t('delete')))])));
  };
  // novalidate: the API validates, and its reason is what the operator reads
  const rewardForm = h('form', { class: 'toolbar', novalidate: true, 'data-testid': 'reward-editor', onsubmit: async (e: Event) => {
    e.preventDefault();
    rewardError.textContent = '';
    const body = { name: nameInput.value, costPoints: Number(costInput.value), stock: Number(stockInput.value),
      minLevel: minLevel.value || null, enabled: enabledInput.checked };
    try {
      await api('PUT', `/rewards/${encodeURIComponent(idInput.value.trim())}`, { body });
    } catch (err) {
      rewardError.textContent = refusal(err);
      return;
    }
    fill(null);
    rewards = await get('/rewards');
    drawRewards();
  } }, h('label', {}, t('id')), idInput, h('label', {}, t('name')), nameInput, h('label', {}, t('costPoints')), costInput,
  h('label', {}, t('stock')), stockInput, h('label', {}, t('minLevel')), minLevel, h('label', {}, t('enabled')), enabledInput,
  h('button', { type: 'submit', 'data-testid': 'save-reward' }, t('save')),
  h('button', { type: 'button', onclick: () => { rewardError.textContent = ''; fill(null); } }, t('newReward')));
  drawRewards();

  const pointsInput = h('input', { name: 'customerId', placeholder: 'c_…', size: 30, value: customerId ?? '', 'data-testid': 'points-customer' });
  const account = h('div', { 'data-testid': 'points-account' });
  const pointsForm = h('form', { class: 'toolbar', 'data-testid': 'points-lookup', onsubmit: (e: Event) => {
    e.preventDefault();
    const id = pointsInput.value.trim();
    if (id) void showPoints(id);
  } }, h('label', {}, t('customerId')), pointsInput, h('button', { type: 'submit' }, t('lookup')));

  /** The account, the ledger (newest first, "more" follows the cursor) and the adjustment form. */
  async function showPoints(id: string): Promise<void> {
    let ledger: any;
    try {
      ledger = await get(`/customers/${encodeURIComponent(id)}/points`);
    } catch (e) {
      replace(account, h('p', { class: 'error', role: 'alert', 'data-testid': 'points-error' }, refusal(e)));
      return;
    }
    const rows = h('tbody', {});
    const addEntries = (entries: any[]) => entries.forEach((en) => rows.appendChild(h('tr', { 'data-cause': en.cause },
      ...[dateTime(en.at), t(`kind_${en.kind}`), num(en.points), num(en.balance), String(en.note ?? en.ref ?? '')].map((c) => h('td', {}, c)))));
    addEntries(ledger.entries ?? []);
    let cursor: string | null = ledger.cursor ?? null;
    const more = h('button', { type: 'button', 'data-testid': 'ledger-more', disabled: !cursor, onclick: async () => {
      const page = await get(`/customers/${encodeURIComponent(id)}/points`, { cursor: cursor ?? undefined });
      addEntries(page.entries ?? []);
      cursor = page.cursor ?? null;
      more.disabled = !cursor;
    } }, t('more'));
    const level = ledger.level ?? {};
    const adjustPoints = h('input', { name: 'points', type: 'number', step: 1, size: 8, required: true, 'data-testid': 'adjust-points' });
    const reason = h('input', { name: 'reason', size: 24, maxlength: 200, required: true, 'data-testid': 'adjust-reason' });
    const adjustError = h('span', { class: 'field-error', role: 'alert', 'data-testid': 'adjust-error' });
    let pending = requestId();
    // a changed amount or reason is another adjustment; the same one resent keeps its requestId
    adjustPoints.addEventListener('input', () => { pending = requestId(); });
    reason.addEventListener('input', () => { pending = requestId(); });
    const adjust = h('form', { class: 'toolbar', novalidate: true, 'data-testid': 'adjust', onsubmit: async (e: Event) => {
      e.preventDefault();
      adjustError.textContent = '';
      try {
        await api('POST', `/customers/${encodeURIComponent(id)}/points/adjustments`,
          { body: { points: Number(adjustPoints.value), reason: reason.value, requestId: pending } });
      } catch (err) {
        adjustError.textContent = refusal(err);
        return;
      }
      await showPoints(id);
    } }, h('label', {}, t('adjustPoints')), adjustPoints, h('label', {}, t('reason')), reason,
    h('button', { type: 'submit', 'data-testid': 'adjust-submit' }, t('adjust')), adjustError);
    replace(account,
      table('points-summary', ['', ''], [
        [t('customerId'), h('a', { href: `#/customers/${encodeURIComponent(id)}` }, id)],
        [t('balance'), h('span', { 'data-testid': 'points-balance' }, num(ledger.balance))],
        [t('earned'), num(ledger.earned)], [t('spent'), num(ledger.spent)], [t('expired'), num(ledger.expired)],
        [t('expiring'), (ledger.expiring ?? []).map((x: any) => `${num(x.points)} @ ${x.on}`).join(', ') || t('none')],
        [t('level'), h('span', { 'data-testid': 'points-level' }, `${level.name ?? '–'} · ${t('growth')} ${num(level.growth)}${level.next ? ` → ${level.next.name} @ ${num(level.next.growth)}` : ''}`)],
        [t('checkInStreak'), num(ledger.checkIn?.streak)],
      ]),
      adjust,
      h('table', { 'data-testid': 'ledger-table' }, h('thead', {}, h('tr', {}, ['', t('kind'), t('points'), t('balance'), t('note')].map((c) => h('th', {}, c)))), rows),
      more);
  }

  const stats = h('section', { class: 'card', 'data-testid': 'loyalty-stats' });
  replace(main, stats, levelsCard,
    h('section', { class: 'card' }, h('h2', {}, t('rewards')), rewardForm, rewardError, rewardsBox),
    h('section', { class: 'card' }, h('h2', {}, t('customerPoints')), pointsForm, account));
  if (customerId) await showPoints(customerId);
  let figuresBody: any;
  try {
    // without from/to the API answers the 30 local days up to its own today (the demo's clock is ahead)
    figuresBody = await get('/stats/loyalty');
  } catch (e) {
    if (notDeployed(e)) { replace(stats, h('h2', {}, t('pointsTotals')), notAvailable('loyalty-stats-unavailable')); return; }
    throw e;
  }
  await pointsFigures(stats, figuresBody);
}

/** Points issued, spent, expired and due soon, redemptions and customers per level, as text and a chart by day. */
async function pointsFigures(box: HTMLElement, s: any): Promise<void> {
  box.dataset.from = s.from;
  box.dataset.to = s.to;
  // every day of the range on the axis, those without figures at 0 (the API lists the days that have any)
  const byDate = new Map<string, any>((s.days ?? []).map((d: any) => [d.date, d]));
  const days: any[] = [];
  for (let d = s.from; d <= s.to; d = addDays(d, 1)) days.push(byDate.get(d) ?? { date: d, issued: 0, spent: 0, expired: 0 });
  const perLevel: any[] = s.customersByLevel ?? [];
  const c = chart('loyalty-chart', {
    legend: { top: 0 }, grid: { top: 30, left: 50, right: 10, bottom: 30 },
    xAxis: { type: 'category', data: days.map((d) => d.date) }, yAxis: { type: 'value' },
    series: ([['issued', 'pointsIssued'], ['spent', 'pointsSpent'], ['expired', 'pointsExpired']] as const).map(([k, label]) => ({ name: t(label), type: 'bar', data: days.map((d) => d[k]) })),
  }, 220);
  replace(box, h('h2', {}, `${t('pointsTotals')} · ${s.from} – ${s.to}`),
    table('loyalty-figures', ['', ''], [
      [t('pointsIssued'), h('span', { 'data-figure': 'issued' }, num(s.issued))],
      [t('pointsSpent'), h('span', { 'data-figure': 'spent' }, num(s.spent))],
      [t('pointsExpired'), h('span', { 'data-figure': 'expired' }, num(s.expired))],
      [t('redemptions'), h('span', { 'data-figure': 'redeemed' }, num(s.redeemed))],
      [`${t('expiringSoon')} (${num(s.expiringDays)} ${t('daysUnit')})`, h('span', { 'data-figure': 'expiringSoon' }, num(s.expiringSoon))],
    ]),
    table('level-customers', [t('level'), t('customers')], perLevel.map((l) => [String(l.level), h('span', { 'data-level-customers': l.level }, num(l.customers))])),
    c.el);
  await c.done;
}
