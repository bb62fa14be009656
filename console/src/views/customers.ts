import { h, replace, table } from '../dom';
import { t } from '../i18n';
import { api, get, raw, ApiError } from '../api';
import { num, yuan, dateTime, pct } from '../format';

const STAGES = ['NEW', 'GROWING', 'MATURE', 'DECLINING', 'CHURNED'];
const SEGMENTS = ['IMPORTANT_VALUE', 'IMPORTANT_DEVELOP', 'IMPORTANT_RETAIN', 'IMPORTANT_WINBACK',
  'GENERAL_VALUE', 'GENERAL_DEVELOP', 'GENERAL_RETAIN', 'GENERAL_WINBACK'];
const PAGE = 20;

export async function customersView(main: HTMLElement): Promise<void> {
  const lookupInput = h('input', { name: 'customerId', placeholder: 'c_…', 'data-testid': 'lookup-input' });
  const lookup = h('form', { class: 'toolbar', 'data-testid': 'lookup', onsubmit: (e: Event) => {
    e.preventDefault();
    if (lookupInput.value.trim()) location.hash = `#/customers/${encodeURIComponent(lookupInput.value.trim())}`;
  } }, h('label', {}, t('customerId')), lookupInput, h('button', { type: 'submit' }, t('lookup')));

  const select = (name: string, values: string[]) => h('select', { name, 'data-testid': `filter-${name}` },
    h('option', { value: '' }, t('all')), values.map((v) => h('option', { value: v }, t(v))));
  const stage = select('stage', STAGES);
  const segment = select('segment', SEGMENTS);
  // the app's loyalty levels, from its settings (names the operators chose: shown as they are)
  const settings = await get('/settings');
  const levelNames: string[] = (settings.loyalty?.levels ?? []).map((l: any) => String(l.name));
  const level = h('select', { name: 'level', 'data-testid': 'filter-level' },
    h('option', { value: '' }, t('all')), levelNames.map((v) => h('option', { value: v }, v)));
  // presets from the address (#/customers?level=…, as the loyalty view links to a level's customers)
  const preset = new URLSearchParams(location.hash.split('?')[1] ?? '');
  for (const [name, el] of [['stage', stage], ['segment', segment], ['level', level]] as const) {
    const v = preset.get(name);
    if (v && [...el.options].some((o) => o.value === v)) el.value = v;
  }
  const listBox = h('div', { 'data-testid': 'customer-list' });
  const message = h('p', { role: 'alert', class: 'error', 'data-testid': 'list-error' });
  const cursors: (string | undefined)[] = [undefined];

  const query = () => ({ stage: stage.value, segment: segment.value, level: level.value });
  async function show(index: number): Promise<void> {
    message.textContent = '';
    let page: any;
    try {
      page = await get('/customers', { ...query(), cursor: cursors[index], limit: PAGE });
    } catch (e) {
      if (e instanceof ApiError && e.status === 400) { message.textContent = `${e.body.field ?? ''}: ${e.body.reason ?? e.message}`; replace(listBox); return; }
      throw e;
    }
    cursors[index + 1] = page.nextCursor ?? undefined;
    replace(listBox,
      table('customers-table', [t('customerId'), t('stage'), t('segment'), t('firstSeenAt'), t('lastActiveAt'), t('orders'), t('revenue'), t('level')],
        (page.customers as any[]).map((c) => [h('a', { href: `#/customers/${encodeURIComponent(c.customerId)}`, 'data-customer': c.customerId }, c.customerId),
          t(c.stage), c.segment ? t(c.segment) : '–', dateTime(c.firstSeenAt), dateTime(c.lastActiveAt), num(c.orders), yuan(c.revenueFen),
          h('span', { 'data-level-of': c.customerId }, String(c.level ?? '–'))])),
      h('div', { class: 'toolbar' },
        h('button', { type: 'button', disabled: index === 0, 'data-testid': 'prev', onclick: () => void show(index - 1) }, t('prev')),
        h('span', { 'data-testid': 'page-number' }, String(index + 1)),
        h('button', { type: 'button', disabled: !page.nextCursor, 'data-testid': 'next', onclick: () => void show(index + 1) }, t('next'))));
  }

  /** The whole audience as one CSV file: every page (x-next-cursor) fetched and joined. */
  async function download(): Promise<void> {
    const lines: string[] = [];
    let cursor: string | undefined;
    do {
      const r = await raw('GET', '/customers', { query: { ...query(), cursor }, accept: 'text/csv' });
      if (r.status !== 200) { message.textContent = r.text; return; }
      const rows = r.text.split('\r\n').filter((l) => l);
      lines.push(...(lines.length ? rows.slice(1) : rows));
      cursor = r.headers.get('x-next-cursor') ?? undefined;
    } while (cursor);
    const url = URL.createObjectURL(new Blob([lines.join('\r\n') + '\r\n'], { type: 'text/csv' }));
    const a = h('a', { href: url, download: 'customers.csv' });
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10000);
    main.querySelector('[data-testid="csv-status"]')!.textContent = `CSV: ${num(lines.length - 1)}`;
  }

  const filters = h('form', { class: 'toolbar', 'data-testid': 'filters', onsubmit: (e: Event) => { e.preventDefault(); cursors.length = 1; void show(0); } },
    h('label', {}, t('stage')), stage, h('label', {}, t('segment')), segment, h('label', {}, t('level')), level,
    h('button', { type: 'submit', 'data-testid': 'apply-filter' }, t('filter')),
    h('button', { type: 'button', 'data-testid': 'download-csv', onclick: () => void download() }, t('downloadCsv')),
    h('span', { 'data-testid': 'csv-status', role: 'status' }));
  replace(main, lookup, filters, message, listBox);
  await show(0);
}

function row(label: string, value: string | Node, testId?: string): HTMLElement {
  return h('tr', {}, h('th', {}, label), h('td', { 'data-testid': testId ?? null }, value));
}

export async function customerView(main: HTMLElement, id?: string): Promise<void> {
  const back = h('p', {}, h('a', { href: '#/customers' }, `← ${t('customers')}`));
  let p: any;
  try {
    p = await get(`/customers/${encodeURIComponent(id!)}`);
  } catch (e) {
    if (e instanceof ApiError && (e.status === 404 || e.status === 400)) { replace(main, back, h('p', { 'data-testid': 'no-customer' }, t('noCustomer'))); return; }
    throw e;
  }
  const points = h('div', { 'data-testid': 'points' });
  const confirmBox = h('div', { class: 'danger' });
  const profile = h('table', { class: 'profile', 'data-testid': 'profile' },
    row(t('customerId'), p.customerId, 'profile-id'), row(t('stage'), t(p.stage), 'profile-stage'), row(t('stageSince'), dateTime(p.stageSince)),
    row(t('firstSeenAt'), dateTime(p.firstSeenAt)), row(t('lastActiveAt'), dateTime(p.lastActiveAt)), row(t('activeDays30'), num(p.activeDays30)),
    row(t('orders'), num(p.orders), 'profile-orders'), row(t('revenue'), yuan(p.revenueFen)),
    row(t('scores'), p.rfm ? `R${p.rfm.rScore} F${p.rfm.fScore} M${p.rfm.mScore} · ${t(p.rfm.segment)}` : '–', 'profile-segment'),
    row(t('churn'), p.churn ? `${t('pAlive')} ${pct(p.churn.pAlive)}` : '–'),
    row(t('credits'), Object.entries(p.credits ?? {}).map(([k, v]) => `${k}: ${v}`).join(', ') || '0'),
    row(t('checkInStreak'), num(p.checkInStreak)),
    row(t('level'), p.loyalty?.level ?? '–', 'profile-level'),
    row(t('lastPush'), p.lastPush ? `${p.lastPush.campaignId} / ${p.lastPush.variant ?? ''}${p.lastPush.holdout ? ` (${t('holdout')})` : ''} · ${dateTime(p.lastPush.at)}` : '–'));
  const eraseButton = h('button', { type: 'button', class: 'danger', 'data-testid': 'erase', onclick: () => {
    const typed = h('input', { name: 'confirmId', 'data-testid': 'erase-confirm-input', autocomplete: 'off' });
    const go = h('button', { type: 'button', class: 'danger', 'data-testid': 'erase-confirm', disabled: true, onclick: async () => {
      await api('DELETE', `/customers/${encodeURIComponent(p.customerId)}`);
      replace(main, back, h('p', { role: 'status', 'data-testid': 'erased' }, `${t('erased')}: ${p.customerId}`));
    } }, t('eraseNow'));
    typed.addEventListener('input', () => { go.disabled = typed.value.trim() !== p.customerId; });
    replace(confirmBox, h('label', {}, t('eraseConfirm')), typed, go);
  } }, t('erase'));
  replace(main, back, h('h2', {}, t('profile')), profile, h('p', { class: 'muted' }, t('stageHistoryNote')),
    h('h3', {}, t('points')), points, eraseButton, confirmBox);
  try {
    const ledger = await get(`/customers/${encodeURIComponent(p.customerId)}/points`);
    const entries: any[] = ledger.entries ?? [];
    replace(points, h('p', {}, `${t('points')}: ${num(ledger.balance)} · ${ledger.level?.name ?? ''} `,
      h('a', { href: `#/loyalty/${encodeURIComponent(p.customerId)}`, 'data-testid': 'points-link' }, t('ledgerAndAdjust'))),
      table('points-table', ['', t('kind'), t('points'), t('note')], entries.slice(0, 20).map((e) => [dateTime(e.at), t(`kind_${e.kind}`), num(e.points), String(e.note ?? e.ref ?? '')])));
  } catch (e) {
    if (e instanceof ApiError && e.status === 404) replace(points, h('p', { class: 'muted' }, t('notAvailable')));
    else throw e;
  }
}
