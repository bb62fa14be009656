import { h, replace, table } from '../dom';
import { t } from '../i18n';
import { get } from '../api';
import { num, pct, dateTime, dayInZone, dayOf, addDays } from '../format';
import { chart } from '../charts';

const STAGES = ['NEW', 'GROWING', 'MATURE', 'DECLINING', 'CHURNED'];
// The 8 cells: rows R high / low; columns F and M high or low (RfmSegment's axes).
const RFM_ROWS = [
  ['IMPORTANT_VALUE', 'IMPORTANT_DEVELOP', 'GENERAL_VALUE', 'GENERAL_DEVELOP'],
  ['IMPORTANT_RETAIN', 'IMPORTANT_WINBACK', 'GENERAL_RETAIN', 'GENERAL_WINBACK'],
];
const RFM_COLUMNS = ['fmHighHigh', 'fmLowHigh', 'fmHighLow', 'fmLowLow'];

function section(title: string, testId: string, ...children: (Node | string)[]): HTMLElement {
  return h('section', { class: 'card', 'data-testid': testId }, h('h2', {}, title), ...children);
}

function computed(c: { at: string | null } | undefined): HTMLElement {
  return h('p', { class: 'muted' }, `${t('computedAt')} ${c && c.at ? dateTime(c.at) : t('never')}`);
}

export async function overviewView(main: HTMLElement): Promise<void> {
  replace(main, h('p', {}, t('loading')));
  const stages = await get('/stats/stages');
  // Ranges end today, or on the last daily run's day when that is later (a clock ahead, as the
  // local demo's simulated days are).
  const ran = stages.computedAt?.at ? dayOf(stages.computedAt.at) : '';
  const today = ran > dayInZone() ? ran : dayInZone();
  const [history, segments, retention, funnel, repurchase] = await Promise.all([
    get('/stats/stages/history', { from: addDays(today, -59), to: today }),
    get('/stats/segments'),
    get('/stats/retention', { from: addDays(today, -44), to: today }),
    get('/stats/funnel', { from: addDays(today, -29), to: today }),
    get('/stats/repurchase'),
  ]);
  const charts: Promise<void>[] = [];
  const draw = (c: { el: HTMLElement; done: Promise<void> }) => { charts.push(c.done); return c.el; };

  // Stages now
  const stageTotal = STAGES.reduce((s, k) => s + (stages.stages[k] ?? 0), 0);
  const stageBox = section(t('stages'), 'stages',
    table('stages-table', [t('stage'), t('count')], [...STAGES.map((k) => [t(k), h('span', { 'data-stage': k }, num(stages.stages[k] ?? 0))]),
      [t('total'), num(stageTotal)]]),
    computed(stages.computedAt));

  // Stage history
  const days: any[] = history.days;
  const historyBox = section(t('stageHistory'), 'stage-history',
    table('history-table', [t('day'), ...STAGES.map(t)], days.slice(-7).map((d) => [d.day, ...STAGES.map((k) => num(d.stages[k]))])),
    computed(history.computedAt));

  // RFM grid
  const seg = segments.segments as Record<string, number>;
  const rfmBox = section(t('rfm'), 'rfm',
    table('rfm-table', ['', ...RFM_COLUMNS.map(t)], RFM_ROWS.map((row, i) => [t(i === 0 ? 'rHigh' : 'rLow'),
      ...row.map((k) => h('span', { 'data-segment': k, title: t(k) }, `${t(k)}: ${num(seg[k] ?? 0)}`))])),
    computed(segments.computedAt));

  // Retention triangle D1..D30 (older answers have only d1/d7/d30): a cell is empty until its day has come
  const cohorts: any[] = retention.cohorts.filter((c: any) => c.cohort > 0);
  const full = cohorts.some((c) => Array.isArray(c.days) && c.days.length === 30);
  const offsets = full ? Array.from({ length: 30 }, (_, i) => i + 1) : [1, 7, 30];
  const active = (c: any, n: number): number => (full ? c.days[n - 1] : c[`d${n}`]);
  const retentionRows = cohorts.map((c) => [c.day, num(c.cohort), ...[1, 7, 30].map((n) =>
    addDays(c.day, n) > today ? '' : `${num(active(c, n))} (${pct(active(c, n) / c.cohort)})`)]);
  const retentionBox = section(t('retention'), 'retention',
    table('retention-table', [t('day'), t('cohort'), 'D1', 'D7', 'D30'], retentionRows), computed(retention.computedAt));

  // Funnel
  const steps: any[] = funnel.steps;
  const funnelBox = section(t('funnel'), 'funnel',
    table('funnel-table', [t('step'), t('count'), t('rate')], steps.map((s) => [t(s.step), h('span', { 'data-step': s.step }, num(s.customers)),
      pct(steps[0].customers ? s.customers / steps[0].customers : null)])));

  // Repurchase
  const repurchaseBox = section(t('repurchase'), 'repurchase',
    h('p', { class: 'big', 'data-testid': 'repurchase-rate' }, pct(repurchase.rate)),
    table('repurchase-table', [t('month'), t('buyers'), t('repeatBuyers'), t('rate')],
      [[t('total'), num(repurchase.buyers), num(repurchase.repeatBuyers), pct(repurchase.rate)],
        ...repurchase.byFirstOrderMonth.slice(-6).map((m: any) => [m.month, num(m.buyers), num(m.repeatBuyers), pct(m.rate)])]),
    computed(repurchase.computedAt));

  replace(main, h('div', { class: 'grid', 'data-today': today }, stageBox, historyBox, rfmBox, retentionBox, funnelBox, repurchaseBox));

  stageBox.insertBefore(draw(chart('stages-chart', {
    xAxis: { type: 'category', data: STAGES.map(t) }, yAxis: { type: 'value' },
    series: [{ type: 'bar', data: STAGES.map((k) => stages.stages[k] ?? 0), label: { show: true, position: 'top' } }],
  }, 220)), stageBox.children[1]);
  historyBox.insertBefore(draw(chart('history-chart', {
    legend: { top: 0 }, grid: { top: 30, left: 40, right: 10, bottom: 30 },
    xAxis: { type: 'category', data: days.map((d) => d.day) }, yAxis: { type: 'value' },
    series: STAGES.map((k) => ({ name: t(k), type: 'line', stack: 'stages', areaStyle: {}, showSymbol: false, data: days.map((d) => d.stages[k] ?? 0) })),
  }, 240)), historyBox.children[1]);
  const rfmValues = RFM_ROWS.flatMap((row, y) => row.map((k, x) => [x, y, seg[k] ?? 0]));
  rfmBox.insertBefore(draw(chart('rfm-chart', {
    grid: { top: 10, left: 90, right: 10, bottom: 60 },
    xAxis: { type: 'category', data: RFM_COLUMNS.map(t) }, yAxis: { type: 'category', inverse: true, data: [t('rHigh'), t('rLow')] },
    visualMap: { min: 0, max: Math.max(1, ...rfmValues.map((v) => v[2] as number)), show: false, inRange: { color: ['#eef4ff', '#1f5fbf'] } },
    series: [{ type: 'heatmap', data: rfmValues, label: { show: true, formatter: (p: any) => `${t(RFM_ROWS[p.value[1]][p.value[0]])}\n${num(p.value[2])}` } }],
  }, 220)), rfmBox.children[1]);
  const triangle = cohorts.flatMap((c, y) => offsets.flatMap((n, x) => addDays(c.day, n) > today ? []
    : [[x, y, Math.round((active(c, n) / c.cohort) * 1000) / 10]]));
  retentionBox.insertBefore(draw(chart('retention-chart', {
    grid: { top: 10, left: 90, right: 10, bottom: 30 },
    xAxis: { type: 'category', data: offsets.map((n) => `D${n}`) }, yAxis: { type: 'category', inverse: true, data: cohorts.map((c) => c.day) },
    visualMap: { min: 0, max: 100, show: false, inRange: { color: ['#fff7e6', '#d46b08'] } },
    series: [{ type: 'heatmap', data: triangle, label: { show: !full, formatter: (p: any) => `${p.value[2]}%` } }],
  }, Math.max(160, 22 * cohorts.length + 40))), retentionBox.children[1]);
  funnelBox.insertBefore(draw(chart('funnel-chart', {
    series: [{ type: 'funnel', sort: 'none', left: '10%', width: '80%', label: { show: true, position: 'inside', formatter: (p: any) => `${p.name} ${num(p.value)}` },
      data: steps.map((s) => ({ name: t(s.step), value: s.customers })) }],
  }, 240)), funnelBox.children[1]);
  await Promise.all(charts);
}
