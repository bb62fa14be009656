// The console in a real headless Chromium against ./run-local's demo (see ../test-browser).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, newPage, ready, go, signIn, shot, api, number, API, URL_ } from './browser.mjs';

let browser;
let close;
// Markup that would show a dialog and mark the page if it were ever parsed as HTML.
const INJECTED = '<img src=x onerror="window.__xss=1;alert(1)">';

before(async () => { ({ browser, close } = await launch()); });
after(async () => { await close(); });

function clean(problems) {
  assert.deepEqual(problems.errors, [], 'no script or console errors');
  assert.deepEqual(problems.dialogs, [], 'no dialogs (nothing injected ran)');
}

test('sign-in: a wrong key is refused with a message, the right one opens the overview; the key stays out of URLs and localStorage', async () => {
  const { page, problems } = await newPage(browser);
  const requested = [];
  page.on('request', (r) => requested.push(r.url()));
  await signIn(page, 'demo-admin-wrong0000000000');
  await page.waitForFunction(() => document.querySelector('[data-testid=signin-error]').textContent.length > 0);
  assert.equal(await page.$eval('[data-testid=signin-error]', (e) => e.textContent), '管理密钥无效，请检查后重试。');
  await shot(page, 'signin-wrong-key');

  await page.$eval('input[name=adminKey]', (el) => { el.value = ''; });
  await page.type('input[name=adminKey]', process.env.CONSOLE_ADMIN_KEY);
  await page.click('form[data-testid=signin] button[type=submit]');
  await ready(page, 'overview');
  const storage = await page.evaluate(() => ({ session: sessionStorage.getItem('adminKey'), local: JSON.stringify(localStorage) }));
  assert.equal(storage.session, process.env.CONSOLE_ADMIN_KEY);
  assert.ok(!storage.local.includes(process.env.CONSOLE_ADMIN_KEY), 'not in localStorage');
  assert.ok(requested.every((u) => !u.includes(process.env.CONSOLE_ADMIN_KEY) && !u.includes('demo-admin-wrong')), 'never in a URL');
  assert.equal(problems.expectedHttp.length, 1, 'the one 401 of the wrong key');
  clean(problems);
  await page.close();
});

test('overview: the same numbers as the API, charts drawn; English by the switch', async () => {
  const { page, problems } = await newPage(browser);
  await signIn(page);
  await ready(page, 'overview');
  const stages = (await api('GET', '/stats/stages')).body.stages;
  for (const [stage, n] of Object.entries(stages)) {
    assert.equal(number(await page.$eval(`[data-stage=${stage}]`, (e) => e.textContent)), n, stage);
  }
  const segments = (await api('GET', '/stats/segments')).body.segments;
  for (const [segment, n] of Object.entries(segments)) {
    const text = await page.$eval(`[data-segment=${segment}]`, (e) => e.textContent);
    assert.equal(number(text.split(':').pop()), n, segment);
  }
  const funnelText = await page.$$eval('[data-step]', (els) => els.map((e) => [e.dataset.step, e.textContent]));
  const today = await page.$eval('[data-today]', (e) => e.dataset.today);
  const from = new Date(Date.parse(`${today}T00:00:00Z`) - 29 * 86400000).toISOString().slice(0, 10);
  const funnel = (await api('GET', `/stats/funnel?from=${from}&to=${today}`)).body.steps;
  assert.deepEqual(funnelText.map(([s, n]) => [s, number(n)]), funnel.map((s) => [s.step, s.customers]));
  const repurchase = (await api('GET', '/stats/repurchase')).body;
  assert.equal(await page.$eval('[data-testid=repurchase-rate]', (e) => e.textContent), `${(repurchase.rate * 100).toFixed(1)}%`);
  const history = (await api('GET', `/stats/stages/history?from=${from}&to=${today}`)).body.days;
  assert.ok(history.length >= 1, 'the nightly runs kept a day');
  const rows = await page.$$eval('[data-testid=history-table] tbody tr', (trs) => trs.map((tr) => [...tr.children].map((td) => td.textContent)));
  const last = history[history.length - 1];
  assert.deepEqual(rows[rows.length - 1].map((c, i) => (i === 0 ? c : number(c))), [last.day, ...['NEW', 'GROWING', 'MATURE', 'DECLINING', 'CHURNED'].map((s) => last.stages[s])]);
  for (const id of ['stages-chart', 'history-chart', 'rfm-chart', 'retention-chart', 'funnel-chart']) {
    assert.equal(await page.$eval(`[data-testid=${id}]`, (e) => e.dataset.rendered), 'true', id);
  }
  await shot(page, 'overview');
  await page.click('header [data-testid=lang]');
  await ready(page, 'overview');
  assert.equal(await page.$eval('nav a[data-nav=campaigns]', (e) => e.textContent), 'Campaigns');
  await shot(page, 'overview-en');
  await page.click('header [data-testid=lang]');
  await ready(page, 'overview');
  clean(problems);
  await page.close();
});

test('campaigns: an invalid field is refused next to the field, fixed, saved, paused; a campaign\'s figures match the API', async () => {
  const { page, problems } = await newPage(browser);
  await signIn(page);
  await ready(page, 'overview');
  await go(page, '#/campaigns/new', 'campaigns');
  await page.type('form[data-testid=campaign-editor] input[name=id]', 'browser-test');
  await page.type('input[name=name]', '浏览器测试');
  await page.type('input[name=templateId]', 'TPL_TEST');
  await page.$eval('textarea[name=trigger]', (e) => { e.value = '{"type":"full_moon"}'; });
  await page.$eval('textarea[name=data]', (e) => { e.value = '{"thing1":"回来看看"}'; });
  await page.click('[data-testid=save-campaign]');
  await page.waitForFunction(() => document.querySelector('[data-error-for=trigger]').textContent.length > 0);
  const reason = await page.$eval('[data-error-for=trigger]', (e) => e.textContent);
  assert.match(reason, /^trigger/);
  await shot(page, 'campaign-invalid');
  await page.$eval('textarea[name=trigger]', (e) => { e.value = '{"type":"inactive","days":5}'; });
  await page.click('[data-testid=save-campaign]');
  await page.waitForFunction(() => location.hash === '#/campaigns/browser-test');
  await page.waitForSelector('[data-testid=no-outcomes]');
  assert.equal((await api('GET', '/campaigns/browser-test')).body.trigger.days, 5);
  assert.equal(await page.$eval('[data-testid=no-outcomes]', (e) => e.textContent.length > 0), true, 'no outcomes yet for a new one');

  await go(page, '#/campaigns', 'campaigns');
  await page.click('button[data-action=toggle][data-id=browser-test]');
  await page.waitForFunction(() => document.querySelector('a[data-campaign=browser-test]')?.closest('tr').querySelector('[data-enabled]').dataset.enabled === 'false');
  assert.equal((await api('GET', '/campaigns/browser-test')).body.enabled, false);
  await shot(page, 'campaigns');

  const listed = (await api('GET', '/campaigns')).body.campaigns.map((c) => c.id);
  let withOutcomes;
  for (const id of listed) {
    const s = await api('GET', `/stats/campaigns/${id}`);
    if (s.status === 200 && s.body.variants.length) { withOutcomes = s.body; break; }
  }
  assert.ok(withOutcomes, 'the demo sent some campaign');
  await go(page, `#/campaigns/${withOutcomes.campaignId}`, 'campaigns');
  const shown = await page.$$eval('[data-testid=results-table] tbody tr', (trs) => trs.map((tr) => [...tr.children].map((td) => td.textContent)));
  assert.equal(shown.length, withOutcomes.variants.length);
  withOutcomes.variants.forEach((v, i) => {
    assert.equal(number(shown[i][1]), v.decided, 'decided');
    assert.equal(number(shown[i][2]), v.sent, 'sent');
    assert.equal(number(shown[i][5]), v.conversions, 'conversions');
    if (v.liftInterval) assert.equal(shown[i][9], v.liftInterval.significant ? '是' : '否');
  });
  await shot(page, 'campaign-results');
  // back to the list by its link: the detail page is the campaigns view already, so wait for the list's own render
  await page.evaluate(() => document.body.removeAttribute('data-ready'));
  await page.click('a[href="#/campaigns"]');
  await ready(page, 'campaigns');
  await page.click('button[data-action=delete][data-id=browser-test]');
  await page.waitForFunction(() => !document.querySelector('a[data-campaign=browser-test]'));
  assert.equal((await api('GET', '/campaigns/browser-test')).status, 404);
  assert.deepEqual(problems.dialogs, ['confirm: 确认删除活动 browser-test?']);
  problems.dialogs.length = 0;
  clean(problems);
  await page.close();
});

test('customers: a list by stage as the API pages it, a customer looked up and erased after confirmation', async () => {
  const { page, problems } = await newPage(browser);
  await signIn(page);
  await ready(page, 'overview');
  await go(page, '#/customers', 'customers');
  await page.select('[data-testid=filter-stage]', 'NEW');
  await page.click('[data-testid=apply-filter]');
  const first = (await api('GET', '/customers?stage=NEW&limit=20')).body;
  await page.waitForFunction((n) => document.querySelectorAll('[data-testid=customers-table] tbody tr').length === n
    && [...document.querySelectorAll('[data-customer]')].every((a) => a.closest('tr').children[1].textContent === '新客'), {}, first.customers.length);
  const ids = await page.$$eval('[data-customer]', (as) => as.map((a) => a.dataset.customer));
  assert.deepEqual(ids, first.customers.map((c) => c.customerId));
  await shot(page, 'customers');
  const audience = (await api('GET', '/customers?stage=NEW&limit=1000')).body.customers.length;
  await page.click('[data-testid=download-csv]');
  await page.waitForFunction(() => document.querySelector('[data-testid=csv-status]').textContent.startsWith('CSV'));
  assert.equal(number(await page.$eval('[data-testid=csv-status]', (e) => e.textContent)), audience, 'the whole audience in the CSV');

  // the level filter offers the app's levels (its settings); the lowest also lists customers without points yet
  const levels = (await api('GET', '/settings')).body.loyalty.levels.map((l) => l.name);
  assert.deepEqual(await page.$$eval('[data-testid=filter-level] option', (os) => os.slice(1).map((o) => o.value)), levels);
  await page.select('[data-testid=filter-stage]', '');
  await page.select('[data-testid=filter-level]', levels[0]);
  await page.click('[data-testid=apply-filter]');
  const lowest = (await api('GET', `/customers?level=${encodeURIComponent(levels[0])}&limit=20`)).body;
  assert.ok(lowest.customers.length > 0, 'the demo has customers at the lowest level');
  await page.waitForFunction((want) => JSON.stringify([...document.querySelectorAll('[data-customer]')].map((a) => a.dataset.customer)) === want,
    {}, JSON.stringify(lowest.customers.map((c) => c.customerId)));
  assert.deepEqual(new Set(await page.$$eval('[data-level-of]', (els) => els.map((e) => e.textContent))), new Set([levels[0]]));
  await shot(page, 'customers-by-level');

  const victim = ids[0];
  const before = (await api('GET', `/customers/${victim}`)).body;
  await page.type('[data-testid=lookup-input]', victim);
  // the list is the customers view already: wait for the profile's own render
  await page.evaluate(() => document.body.removeAttribute('data-ready'));
  await page.click('[data-testid=lookup] button[type=submit]');
  await page.waitForSelector('[data-testid=profile-id]');
  await ready(page, 'customers');
  assert.equal(await page.$eval('[data-testid=profile-id]', (e) => e.textContent), victim);
  assert.equal(number(await page.$eval('[data-testid=profile-orders]', (e) => e.textContent)), before.orders);
  await shot(page, 'customer-profile');
  await page.click('[data-testid=erase]');
  assert.equal(await page.$eval('[data-testid=erase-confirm]', (e) => e.disabled), true, 'not before the id is typed');
  await page.type('[data-testid=erase-confirm-input]', victim);
  await page.click('[data-testid=erase-confirm]');
  await page.waitForSelector('[data-testid=erased]');
  assert.equal((await api('GET', `/customers/${victim}`)).status, 404);
  clean(problems);
  await page.close();
});

test('feedback: an injected string is shown as text and never runs; it is acknowledged, then resolved with a note', async () => {
  // The string arrives as a customer's feedback event through the real ingest path, at the runtime's clock.
  const session = await (await fetch(`${API}/v1/session`, { method: 'POST', headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ appId: 'demo', code: 'xss-tester~1' }) })).json();
  const now = Date.parse((await (await fetch(`${API}/_local/clock`)).json()).now);
  const sent = await fetch(`${API}/v1/events`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${session.token}` },
    body: JSON.stringify({ events: [{ eventId: crypto.randomUUID(), type: 'feedback', ts: now, props: { category: 'complaint', text: INJECTED } }] }) });
  assert.equal(sent.status, 202);
  await fetch(`${API}/_local/drain`, { method: 'POST' });
  const item = (await api('GET', '/feedback?category=complaint&status=open')).body.items.find((f) => f.text === INJECTED);
  assert.ok(item, 'the inbox holds it');
  const id = item.feedbackId;

  const { page, problems } = await newPage(browser);
  await signIn(page);
  await ready(page, 'overview');
  await go(page, '#/feedback', 'feedback');
  // complaints of every status: the item stays listed as it is acknowledged and resolved
  await page.select('[data-testid=feedback-category]', 'complaint');
  await page.click('[data-testid=feedback-filter]');
  await page.waitForSelector(`[data-feedback="${id}"]`);
  assert.equal(await page.$eval(`[data-feedback="${id}"]`, (e) => e.textContent), INJECTED, 'shown as it is');
  assert.equal(await page.$eval(`[data-feedback="${id}"]`, (e) => e.childElementCount), 0, 'as text: no element inside');
  const injected = () => page.evaluate(() => ({ imgs: document.querySelectorAll('img').length, ran: window.__xss ?? null }));
  assert.deepEqual(await injected(), { imgs: 0, ran: null }, 'no <img> created, nothing ran');
  await shot(page, 'feedback-xss');

  await page.type(`[data-note-for="${id}"]`, '已收到');
  await page.click(`button[data-action=acknowledged][data-id="${id}"]`);
  await page.waitForFunction((i) => document.querySelector(`[data-status-of="${i}"]`)?.textContent === '已确认', {}, id);
  let stored = (await api('GET', '/feedback?category=complaint&status=acknowledged')).body.items.find((f) => f.feedbackId === id);
  assert.equal(stored?.note, '已收到');
  await page.$eval(`[data-note-for="${id}"]`, (e) => { e.value = ''; });
  await page.type(`[data-note-for="${id}"]`, '已退款 <b>ok</b>');
  await page.click(`button[data-action=resolved][data-id="${id}"]`);
  await page.waitForFunction((i) => document.querySelector(`[data-status-of="${i}"]`)?.textContent === '已解决', {}, id);
  stored = (await api('GET', '/feedback?category=complaint&status=resolved')).body.items.find((f) => f.feedbackId === id);
  assert.equal(stored?.status, 'resolved');
  assert.equal(stored?.note, '已退款 <b>ok</b>');
  assert.ok(stored?.resolvedAt, 'resolved at a time');
  assert.equal(await page.$eval(`button[data-action=acknowledged][data-id="${id}"]`, (e) => e.disabled), true, 'never back from resolved');
  assert.deepEqual(await injected(), { imgs: 0, ran: null });
  // the figures of the 30 days up to the newest feedback (the demo's clock is ahead), as the API counts them
  // (by category: the figures were read when the view opened, before the status changes)
  const range = await page.$eval('[data-testid=feedback-stats]', (e) => ({ from: e.dataset.from, to: e.dataset.to }));
  const figures = (await api('GET', `/stats/feedback?from=${range.from}&to=${range.to}`)).body;
  assert.ok(figures.byCategory.complaint >= 1, 'this complaint is in the range');
  const shown = Object.fromEntries(await page.$$eval('[data-testid=feedback-figures] tbody tr', (trs) => trs.map((tr) => [tr.children[0].textContent, tr.children[1].textContent])));
  assert.equal(number(shown['byCategory.complaint']), figures.byCategory.complaint);
  await shot(page, 'feedback');

  // The same string where operators type: a campaign name, and a customer id in the address.
  assert.equal((await api('PUT', '/campaigns/xss-name', { name: INJECTED, priority: 1, trigger: { type: 'inactive', days: 9 }, templateId: 'T', data: { thing1: 'x' }, enabled: false })).status, 200);
  await go(page, '#/campaigns', 'campaigns');
  assert.ok((await page.$$eval('td', (tds) => tds.map((t) => t.textContent))).includes(INJECTED));
  await go(page, `#/customers/${encodeURIComponent(INJECTED)}`, 'customers');
  assert.deepEqual(await injected(), { imgs: 0, ran: null });
  await api('DELETE', '/campaigns/xss-name');
  clean(problems);
  await page.close();
});

test('loyalty: the levels, a reward refused then saved, edited and deleted, a customer\'s points adjusted, all through the loyalty API', async () => {
  const { page, problems } = await newPage(browser);
  await signIn(page);
  await ready(page, 'overview');
  await go(page, '#/loyalty', 'loyalty');
  const levels = (await api('GET', '/settings')).body.loyalty.levels;
  assert.deepEqual(await page.$$eval('[data-testid=levels-table] tbody tr', (trs) => trs.map((tr) => tr.children[0].textContent)), levels.map((l) => l.name));
  // the points figures and customers per level shown are the API's for the same days (the demo's points and levels)
  await page.waitForSelector('[data-testid=loyalty-chart][data-rendered=true]');
  const range = await page.$eval('[data-testid=loyalty-stats]', (e) => ({ from: e.dataset.from, to: e.dataset.to }));
  const figures = (await api('GET', `/stats/loyalty?from=${range.from}&to=${range.to}`)).body;
  assert.ok(figures.issued > 0, 'the demo issued points in its last 30 days');
  for (const k of ['issued', 'spent', 'expired', 'redeemed', 'expiringSoon']) {
    assert.equal(number(await page.$eval(`[data-figure=${k}]`, (e) => e.textContent)), figures[k], k);
  }
  assert.deepEqual((await page.$$eval('[data-level-customers]', (els) => els.map((e) => [e.dataset.levelCustomers, e.textContent])))
    .map(([level, n]) => [level, number(n)]), figures.customersByLevel.map((l) => [l.level, l.customers]));
  assert.ok(figures.customersByLevel.reduce((n, l) => n + l.customers, 0) > 0, 'the demo\'s customers are at a level');

  const fill = async (values) => {
    for (const [name, value] of Object.entries(values)) {
      await page.$eval(`[data-testid=reward-editor] [name=${name}]`, (e, v) => { e.value = v; }, value);
    }
  };
  await fill({ rewardId: 'browser-mug', name: '测试杯', costPoints: '0', stock: '3' });
  await page.select('[data-testid=reward-editor] [name=minLevel]', levels[1].name);
  await page.click('[data-testid=save-reward]');
  await page.waitForFunction(() => document.querySelector('[data-testid=reward-error]').textContent.length > 0);
  assert.match(await page.$eval('[data-testid=reward-error]', (e) => e.textContent), /^costPoints must be/);
  assert.equal((await api('GET', '/rewards/browser-mug')).status, 404, 'nothing stored');
  await fill({ costPoints: '50' });
  await page.click('[data-testid=save-reward]');
  await page.waitForSelector('[data-stock-of=browser-mug]');
  assert.deepEqual((await api('GET', '/rewards/browser-mug')).body,
    { rewardId: 'browser-mug', name: '测试杯', costPoints: 50, stock: 3, minLevel: levels[1].name, enabled: true });
  await page.click('button[data-action=edit-reward][data-id=browser-mug]');
  assert.equal(await page.$eval('[data-testid=reward-editor] [name=name]', (e) => e.value), '测试杯');
  await fill({ stock: '5' });
  await page.click('[data-testid=save-reward]');
  await page.waitForFunction(() => document.querySelector('[data-stock-of=browser-mug]')?.textContent === '5');
  assert.equal((await api('GET', '/rewards/browser-mug')).body.stock, 5);
  await shot(page, 'loyalty');

  const customer = (await api('GET', '/customers?limit=1')).body.customers[0].customerId;
  const before = (await api('GET', `/customers/${customer}/points`)).body;
  await page.type('[data-testid=points-customer]', customer);
  await page.click('[data-testid=points-lookup] button[type=submit]');
  await page.waitForSelector('[data-testid=points-balance]');
  assert.equal(number(await page.$eval('[data-testid=points-balance]', (e) => e.textContent)), before.balance);
  assert.match(await page.$eval('[data-testid=points-level]', (e) => e.textContent), new RegExp(`^${before.level.name}`));
  await page.type('[data-testid=adjust-points]', '0');
  await page.type('[data-testid=adjust-reason]', '浏览器测试');
  await page.click('[data-testid=adjust-submit]');
  await page.waitForFunction(() => document.querySelector('[data-testid=adjust-error]').textContent.length > 0);
  assert.match(await page.$eval('[data-testid=adjust-error]', (e) => e.textContent), /^points must be/);
  await page.$eval('[data-testid=adjust-points]', (e) => { e.value = ''; });
  await page.type('[data-testid=adjust-points]', '25');
  await page.click('[data-testid=adjust-submit]');
  await page.waitForFunction((b) => document.querySelector('[data-testid=points-balance]')?.textContent.replace(/[^0-9-]/g, '') === String(b), {}, before.balance + 25);
  const after = (await api('GET', `/customers/${customer}/points`)).body;
  assert.equal(after.balance, before.balance + 25);
  assert.equal(after.entries[0].kind, 'adjustment');
  assert.equal(after.entries[0].note, '浏览器测试');
  assert.equal(await page.$eval('[data-testid=ledger-table] tbody tr', (tr) => tr.children[1].textContent), '人工调整');
  await shot(page, 'loyalty-points');

  await page.click('button[data-action=delete-reward][data-id=browser-mug]');
  await page.waitForFunction(() => !document.querySelector('[data-stock-of=browser-mug]'));
  assert.equal((await api('GET', '/rewards/browser-mug')).status, 404);
  assert.deepEqual(problems.dialogs, ['confirm: 确认删除奖励 browser-mug?']);
  problems.dialogs.length = 0;

  // a level's link opens its customers: the customers view with that level chosen, as the API lists them
  await page.evaluate(() => document.body.removeAttribute('data-ready'));
  await page.click(`a[data-level-link="${levels[0].name}"]`);
  await ready(page, 'customers');
  assert.equal(await page.$eval('[data-testid=filter-level]', (e) => e.value), levels[0].name);
  const listed = (await api('GET', `/customers?level=${encodeURIComponent(levels[0].name)}&limit=20`)).body.customers.map((c) => c.customerId);
  assert.deepEqual(await page.$$eval('[data-customer]', (as) => as.map((a) => a.dataset.customer)), listed);
  clean(problems);
  await page.close();
});

test('settings: validated by the API, the reason next to the field', async () => {
  const { page, problems } = await newPage(browser);
  await signIn(page);
  await ready(page, 'overview');
  await go(page, '#/settings', 'settings');
  await page.$eval('input[name="push.maxPerDay"]', (e) => { e.value = '99'; });
  await page.click('[data-testid=save-settings]');
  await page.waitForFunction(() => document.querySelector('[data-error-for="push.maxPerDay"]').textContent.length > 0);
  await shot(page, 'settings');
  await page.$eval('input[name="push.maxPerDay"]', (e) => { e.value = '2'; });
  await page.click('[data-testid=save-settings]');
  await page.waitForFunction(() => document.querySelector('[data-testid=settings-status]').textContent === '设置已保存');
  assert.equal((await api('GET', '/settings')).body.push.maxPerDay, 2);
  await api('PUT', '/settings', { push: { maxPerDay: 1 } });
  clean(problems);
  await page.close();
});

test('the console is served with a CSP that allows no inline script', async () => {
  const r = await fetch(URL_);
  assert.match(r.headers.get('content-security-policy'), /script-src 'self';/);
  assert.doesNotMatch(await r.text(), /<script(?![^>]*\bsrc=)[^>]*>/, 'no inline script element');
});
