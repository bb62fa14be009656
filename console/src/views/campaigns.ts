import { h, replace, table } from '../dom';
import { t } from '../i18n';
import { api, get, ApiError } from '../api';
import { num, pct, pp } from '../format';
import { chart } from '../charts';

// Fields of the editor: JSON-valued ones are edited as JSON text. A 400's reasons are shown next
// to the field they name ("trigger.hours" belongs to "trigger").
const FIELDS: { name: string; kind: 'text' | 'number' | 'json' | 'bool' }[] = [
  { name: 'name', kind: 'text' }, { name: 'enabled', kind: 'bool' }, { name: 'priority', kind: 'number' },
  { name: 'trigger', kind: 'json' }, { name: 'audience', kind: 'json' }, { name: 'templateId', kind: 'text' },
  { name: 'page', kind: 'text' }, { name: 'data', kind: 'json' }, { name: 'variants', kind: 'json' },
  { name: 'holdoutPercent', kind: 'number' },
];

function triggerText(tr: any): string {
  return Object.entries(tr ?? {}).map(([k, v]) => (k === 'type' ? String(v) : `${k}=${v}`)).join(' ');
}

export async function campaignsView(main: HTMLElement): Promise<void> {
  const list = await get('/campaigns');
  const status = h('p', { 'data-testid': 'campaigns-status', role: 'status' });
  const rows = (list.campaigns as any[]).map((c) => [
    h('a', { href: `#/campaigns/${encodeURIComponent(c.id)}`, 'data-campaign': c.id }, c.id), c.name,
    h('span', { 'data-enabled': String(c.enabled) }, c.enabled ? t('on') : t('off')), num(c.priority), triggerText(c.trigger),
    h('span', {},
      h('button', { type: 'button', 'data-action': 'toggle', 'data-id': c.id, onclick: async () => {
        await api('PUT', `/campaigns/${encodeURIComponent(c.id)}`, { body: { ...c, enabled: !c.enabled } });
        await campaignsView(main);
      } }, c.enabled ? t('pause') : t('resume')),
      h('button', { type: 'button', 'data-action': 'delete', 'data-id': c.id, onclick: async () => {
        if (!window.confirm(`${t('confirmDelete')} ${c.id}?`)) return;
        await api('DELETE', `/campaigns/${encodeURIComponent(c.id)}`);
        await campaignsView(main);
      } }, t('delete')))]);
  replace(main,
    h('div', { class: 'toolbar' },
      h('a', { href: '#/campaigns/new', class: 'button', 'data-testid': 'new-campaign' }, t('newCampaign')),
      h('button', { type: 'button', 'data-testid': 'install-defaults', onclick: async () => {
        const r = await api('POST', '/campaigns/defaults');
        await campaignsView(main);
        main.prepend(h('p', { role: 'status', 'data-testid': 'install-result' }, `${t('installed')}${r.installed.join(', ') || t('none')}; ${t('kept')}${r.kept.join(', ') || t('none')}`));
      } }, t('installDefaults'))),
    status,
    table('campaigns-table', [t('id'), t('name'), t('enabled'), t('priority'), t('trigger'), ''], rows));
}

/** One campaign: the editor (or a new one) and its results per variant. */
export async function campaignView(main: HTMLElement, id?: string): Promise<void> {
  const isNew = id === 'new';
  let campaign: any = { name: '', enabled: true, priority: 50, trigger: { type: 'inactive', days: 3 }, templateId: '', page: 'pages/index/index', data: {}, holdoutPercent: 10 };
  if (!isNew) campaign = await get(`/campaigns/${encodeURIComponent(id!)}`);
  const idInput = h('input', { name: 'id', value: isNew ? '' : id, disabled: !isNew, required: true });
  const inputs = new Map<string, HTMLInputElement | HTMLTextAreaElement>();
  const errors = new Map<string, HTMLElement>();
  const fieldRows = FIELDS.map((f) => {
    const v = campaign[f.name];
    const input = f.kind === 'json'
      ? h('textarea', { name: f.name, rows: 3 }, v === undefined ? '' : JSON.stringify(v, null, 1))
      : f.kind === 'bool' ? h('input', { name: f.name, type: 'checkbox', checked: v !== false })
        : h('input', { name: f.name, type: f.kind === 'number' ? 'number' : 'text', value: v ?? '' });
    inputs.set(f.name, input);
    const err = h('span', { class: 'field-error', 'data-error-for': f.name, role: 'alert' });
    errors.set(f.name, err);
    return h('div', { class: 'field' }, h('label', {}, t(f.name)), input, err);
  });
  const idError = h('span', { class: 'field-error', 'data-error-for': 'id', role: 'alert' });
  const status = h('p', { role: 'status', 'data-testid': 'editor-status' });
  const form = h('form', { class: 'editor', 'data-testid': 'campaign-editor', onsubmit: async (e: Event) => {
    e.preventDefault();
    errors.forEach((el) => { el.textContent = ''; });
    idError.textContent = '';
    status.textContent = '';
    const body: Record<string, unknown> = {};
    for (const f of FIELDS) {
      const input = inputs.get(f.name)!;
      if (f.kind === 'bool') body[f.name] = (input as HTMLInputElement).checked;
      else if (input.value.trim() === '') continue;
      else if (f.kind === 'number') body[f.name] = Number(input.value);
      else if (f.kind === 'json') {
        try { body[f.name] = JSON.parse(input.value); } catch { errors.get(f.name)!.textContent = 'JSON?'; return; }
      } else body[f.name] = input.value;
    }
    const target = isNew ? idInput.value.trim() : id!;
    if (!/^[A-Za-z0-9_-]{1,64}$/.test(target)) { idError.textContent = 'A-Z a-z 0-9 _ -'; return; }
    try {
      await api('PUT', `/campaigns/${encodeURIComponent(target)}`, { body });
      status.textContent = t('saved');
      if (isNew) location.hash = `#/campaigns/${encodeURIComponent(target)}`;
    } catch (err) {
      if (err instanceof ApiError && err.status === 400) {
        const fields: any[] = err.body.fields ?? (err.body.field ? [{ field: err.body.field, reason: err.body.reason }] : []);
        for (const fe of fields) {
          const top = String(fe.field).split(/[.[]/)[0];
          const el = errors.get(top) ?? status;
          el.textContent = `${el.textContent ? el.textContent + '; ' : ''}${fe.field}: ${fe.reason}`;
        }
        if (!fields.length) status.textContent = err.message;
      } else throw err;
    }
  } },
  h('div', { class: 'field' }, h('label', {}, t('id')), idInput, idError), fieldRows,
  h('button', { type: 'submit', 'data-testid': 'save-campaign' }, t('save')), status);
  replace(main, h('p', {}, h('a', { href: '#/campaigns' }, `← ${t('campaigns')}`)), form);
  if (!isNew) await results(main, id!);
}

async function results(main: HTMLElement, id: string): Promise<void> {
  const box = h('section', { class: 'card', 'data-testid': 'campaign-results' }, h('h2', {}, t('results')));
  main.appendChild(box);
  let stats: any;
  try {
    stats = await get(`/stats/campaigns/${encodeURIComponent(id)}`);
  } catch (e) {
    if (e instanceof ApiError && e.status === 404) { box.appendChild(h('p', { 'data-testid': 'no-outcomes' }, t('noOutcomes'))); return; }
    throw e;
  }
  const variants: any[] = stats.variants;
  box.appendChild(table('results-table', [t('variant'), t('decided'), t('sent'), t('failed'), t('skipped'), t('conversions'), t('conversionRate'), t('lift'), t('ci'), t('significant')],
    variants.map((v) => [h('span', { 'data-variant': v.variant }, v.holdout ? `${v.variant} (${t('holdout')})` : v.variant),
      num(v.decided), num(v.sent),
      Object.entries(v.failedByErrcode).map(([k, n]) => `${k}: ${n}`).join(', ') || '0',
      Object.entries(v.skippedByReason).map(([k, n]) => `${k}: ${n}`).join(', ') || '0',
      num(v.conversions), pct(v.conversionRate), pp(v.liftOverHoldout),
      v.liftInterval ? `${pp(v.liftInterval.low)} … ${pp(v.liftInterval.high)}` : '–',
      v.liftInterval ? (v.liftInterval.significant ? t('yes') : t('no')) : '–'])));
  const c = chart('results-chart', {
    xAxis: { type: 'category', data: variants.map((v) => v.variant) }, yAxis: { type: 'value', axisLabel: { formatter: (x: number) => `${(x * 100).toFixed(0)}%` } },
    series: [{ type: 'bar', data: variants.map((v) => v.conversionRate ?? 0), label: { show: true, position: 'top', formatter: (p: any) => pct(p.value) } }],
  }, 200);
  box.appendChild(c.el);
  await c.done;
}
