'use strict';
// The SDK's rules, each against the fake device of fake-wx.js and an in-process stand-in of the API.
const test = require('node:test');
const assert = require('node:assert/strict');
const { Device, FakeApi, settle, ALLOWED_WX } = require('./fake-wx');

const API = 'https://api.example.com/prod';
const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

function setup(init = {}, deviceOptions = {}) {
  const device = new Device(deviceOptions);
  const api = new FakeApi(device);
  device.handler = (r) => api.handle(r);
  const clm = device.launch();
  clm.init(Object.assign({ appId: 'demo', apiBase: API }, init));
  return { device, api, clm };
}

/** An object made in the device's context, as a plain one of this context. */
function plain(o) {
  return JSON.parse(JSON.stringify(o));
}

function eventRequests(device) {
  return device.requests.filter((r) => r.url.endsWith('/v1/events'));
}

function storedIds(device) {
  const meta = device.storedJson('clm_m');
  const ids = journalIds(device);
  for (let i = 0; meta && i < meta.n; i++) ids.push(...device.storedJson(`clm_q${meta.g}_${i}`).map((e) => e.eventId));
  return ids;
}

function journalIds(device) {
  const j = device.storedJson('clm_j');
  return Array.isArray(j) ? j.map((e) => e.eventId) : [];
}

test('track returns a uuid v4 and the event is in storage before it returns', () => {
  const { device, clm } = setup({ autoTrack: false });
  const id = clm.track('check_in', { date: '2026-12-04' });
  assert.match(id, UUID_V4);
  assert.ok(journalIds(device).includes(id));
  // one small write per track, never the whole queue
  for (let i = 0; i < 50; i++) clm.track('page_view', { path: 'p' + i });
  const syncWrites = device.storageWrites.filter((w) => w.sync && w.key !== 'clm_t');
  assert.equal(syncWrites.length, 51);
  assert.ok(syncWrites.every((w) => w.key === 'clm_j'));
});

test('nothing is collected or sent without init; App, Page and Component stay the platform\'s', async () => {
  const device = new Device();
  const api = new FakeApi(device);
  device.handler = (r) => api.handle(r);
  const clm = device.launch();
  assert.equal(clm.track('check_in', { date: '2026-12-04' }), '');
  const opts = clm.page({ onShow() { return 1; } });
  assert.equal(opts.onShow.call({ route: 'pages/a' }), 1);
  await device.advance(60000);
  assert.equal(device.storage.size, 0);
  assert.equal(device.requests.length, 0);
  assert.throws(() => clm.init({ appId: 'demo' }), /appId and apiBase/);
  clm.init({ appId: 'demo', apiBase: API });
  device.show();
  await clm.flush();
  const g = device.app.globals;
  assert.ok(g.App === g.Page && g.Page === g.Component && g.App.name === 'sentinel');
  for (const name of device.apis) assert.ok(ALLOWED_WX.includes(name), `wx.${name} is not on the list`);
});

test('app_launch once per cold start, app_show and app_hide with durationMs', async () => {
  const { device, api, clm } = setup({}, {});
  device.launchOptions = { scene: 1047, path: 'pages/item/item', query: { sku: 'A1', empty: '' } };
  device.kill(); // a second cold start
  const clm2 = device.launch();
  clm2.init({ appId: 'demo', apiBase: API });
  clm2.init({ appId: 'demo', apiBase: API }); // a second init changes nothing
  device.show(1047);
  await device.advance(30000);
  device.hide();
  await device.advance(1000);
  const launches = api.ofType('app_launch');
  assert.equal(launches.length, 2);
  assert.deepEqual(launches[0].props, { scene: 1001, path: 'pages/index/index' });
  assert.deepEqual(launches[1].props, { scene: 1047, path: 'pages/item/item', query: { sku: 'A1' } });
  assert.deepEqual(api.ofType('app_show').map((e) => e.props), [{ scene: 1047 }]);
  assert.deepEqual(api.ofType('app_hide').map((e) => e.props), [{ durationMs: 30000 }]);
  assert.equal(clm2.status().queued, 0);
  assert.equal(clm.status().queued, 1, 'the killed instance never heard back');
});

test('page: page_view and page_leave with dwell (capped at 24 h), the page\'s own handlers and results', async () => {
  const { device, api, clm } = setup();
  const calls = [];
  const opts = clm.page({
    data: { x: 1 },
    onShow() { calls.push('show'); return 'shown'; },
    onHide(a) { calls.push('hide:' + a); return 'hidden'; },
    tap() { return 'tapped'; }
  });
  const pageThis = { route: 'pages/item/item' };
  assert.equal(opts.onShow.call(pageThis), 'shown');
  await device.advance(12000);
  assert.equal(opts.onHide.call(pageThis, 'arg'), 'hidden');
  assert.equal(opts.onUnload.call(pageThis), undefined); // already left: no second page_leave
  opts.onShow.call(pageThis);
  device.now += 3 * 86400000;
  opts.onUnload.call(pageThis);
  assert.equal(opts.tap(), 'tapped');
  assert.deepEqual(calls, ['show', 'hide:arg', 'show']);
  assert.equal('onShareAppMessage' in opts, false, 'no share menu for a page that never asked');
  await clm.flush();
  assert.deepEqual(api.ofType('page_view').map((e) => e.props), [{ path: 'pages/item/item' }, { path: 'pages/item/item' }]);
  assert.deepEqual(api.ofType('page_leave').map((e) => e.props),
    [{ path: 'pages/item/item', dwellMs: 12000 }, { path: 'pages/item/item', dwellMs: 86400000 }]);
});

test('share: wrapped only where defined; clm_s=<shareId> appended to the path, the page\'s own query kept', async () => {
  const { api, clm } = setup();
  const payload = { title: 't', path: '/pages/item/item?ref=1&clm_s=old' };
  const sync = clm.page({ onShareAppMessage() { return payload; } });
  const promised = Promise.resolve({ title: 'p', path: '/pages/b?x=2' });
  const async = clm.page({ onShareAppMessage() { return promised; } });
  const bare = clm.page({ onShareAppMessage() {} });
  const later = clm.page({ onShareAppMessage() { return { title: 'w', path: '/pages/c', promise: Promise.resolve({ title: 'w2' }) }; } });
  const shared = sync.onShareAppMessage.call({ route: 'pages/a' }, { from: 'button' });
  const asyncShared = await async.onShareAppMessage.call({ route: 'pages/b' }, { from: 'menu' });
  const bareShared = bare.onShareAppMessage.call({ route: 'pages/item/item', options: { id: '7', sku: 'A1' } });
  const laterShared = later.onShareAppMessage.call({ route: 'pages/c' });
  const laterResolved = await laterShared.promise;
  await clm.flush();
  const shares = api.ofType('share').map((e) => e.props);
  assert.deepEqual(shares.map((p) => [p.path, p.target]),
    [['pages/a', 'button'], ['pages/b', 'menu'], ['pages/item/item', 'menu'], ['pages/c', 'menu']]);
  for (const p of shares) assert.match(p.shareId, UUID_V4);
  assert.equal(new Set(shares.map((p) => p.shareId)).size, 4, 'one id a share');
  assert.deepEqual(plain(shared), { title: 't', path: `/pages/item/item?ref=1&clm_s=${shares[0].shareId}` });
  assert.equal(payload.path, '/pages/item/item?ref=1&clm_s=old', 'the page\'s object is left as it was');
  assert.deepEqual(plain(asyncShared), { title: 'p', path: `/pages/b?x=2&clm_s=${shares[1].shareId}` });
  assert.deepEqual(plain(bareShared), { path: `/pages/item/item?id=7&sku=A1&clm_s=${shares[2].shareId}` });
  assert.equal(laterShared.path, `/pages/c?clm_s=${shares[3].shareId}`);
  assert.deepEqual(plain(laterResolved), { title: 'w2', path: `/pages/c?clm_s=${shares[3].shareId}` });
});

test('share: sent at once, not at the next flush interval (an open counts only once its share is known)', async () => {
  const { device, api, clm } = setup({ flushIntervalMs: 60000 });
  await device.advance(100);
  const opts = clm.page({ onShareAppMessage() { return { path: '/pages/a' }; } });
  opts.onShareAppMessage.call({ route: 'pages/a' }, { from: 'button' });
  await device.advance(100);
  assert.equal(api.ofType('share').length, 1);
});

test('share opens: a cold start\'s show repeats its launch\'s clm_s and carries no query; a warm show from another share does', async () => {
  const device = new Device();
  const api = new FakeApi(device);
  device.handler = (r) => api.handle(r);
  device.launchOptions = { scene: 1007, path: 'pages/item/item', query: { id: '7', clm_s: 's-1' } };
  const clm = device.launch();
  clm.init({ appId: 'demo', apiBase: API });
  device.show(1007, { id: '7', clm_s: 's-1' }); // the cold start's own show
  device.hide();
  device.show(1007, { id: '8', clm_s: 's-2' }); // back from another share card
  device.hide();
  device.show(1001, {});
  await clm.flush();
  assert.deepEqual(api.ofType('app_launch').map((e) => e.props),
    [{ scene: 1007, path: 'pages/item/item', query: { id: '7', clm_s: 's-1' } }]);
  assert.deepEqual(api.ofType('app_show').map((e) => e.props),
    [{ scene: 1007 }, { scene: 1007, path: 'pages/item/item', query: { id: '8', clm_s: 's-2' } }, { scene: 1001 }]);
});

test('login: events tracked before the first login are stored; the token is kept, reused and renewed before it expires', async () => {
  const { device, api, clm } = setup({ autoTrack: false });
  device.handler = (r) => r.url.endsWith('/v1/session') ? { statusCode: 502, data: { error: 'WeChat unavailable' } } : api.handle(r);
  const id = clm.track('check_in', { date: '2026-12-04' });
  assert.ok(journalIds(device).includes(id), 'in storage at once');
  await device.advance(5000);
  assert.equal(api.sessions, 0);
  assert.ok(storedIds(device).includes(id), 'queued in storage while no login is possible');
  assert.match(clm.status().lastError, /session: HTTP 502/);
  device.handler = (r) => api.handle(r);
  await device.advance(310000);
  assert.equal(api.sessions, 1);
  assert.equal(api.events.length, 1);
  const session = device.requests.filter((r) => r.url.endsWith('/v1/session')).pop();
  assert.deepEqual(JSON.parse(session.body), { appId: 'demo', code: 'alice~' + device.loginCount });
  // a new instance uses the stored token
  device.kill();
  const clm2 = device.launch();
  clm2.init({ appId: 'demo', apiBase: API, autoTrack: false });
  clm2.track('check_in', { date: '2026-12-05' });
  await clm2.flush();
  assert.equal(api.sessions, 1);
  // within 5 minutes of the expiry it logs in again before sending
  device.now += 7200000 - 240000;
  clm2.track('check_in', { date: '2026-12-06' });
  await clm2.flush();
  assert.equal(api.sessions, 2);
  assert.equal(api.events.length, 3);
  // on show, a token within 10 minutes of its expiry is renewed, so that the hide flush needs no login
  device.now += 7200000 - 500000;
  device.show();
  await device.advance(10);
  assert.equal(api.sessions, 3);
  clm2.track('check_in', { date: '2026-12-07' });
  device.hide();
  assert.equal(device.requests[device.requests.length - 1].url, API + '/v1/events', 'sent inside onAppHide');
});

test('a 401 logs in again once and resends; a second 401 backs off instead of looping', async () => {
  const { device, api, clm } = setup({ autoTrack: false });
  clm.track('check_in', { date: '2026-12-04' });
  await clm.flush();
  api.tokens.clear(); // the signing key changed: every token is refused
  const id = clm.track('check_in', { date: '2026-12-05' });
  await clm.flush();
  assert.equal(api.sessions, 2);
  assert.equal(api.counts.get(id), 1);
  const before = device.requests.length;
  device.handler = (r) => r.url.endsWith('/v1/events') ? { statusCode: 401, data: { error: 'invalid token' } } : api.handle(r);
  clm.track('check_in', { date: '2026-12-06' });
  const s = await clm.flush();
  assert.equal(device.requests.length - before, 3); // events, session, events
  assert.match(s.lastError, /HTTP 401/);
  assert.equal(s.queued, 1);
});

test('batches: at most maxBatchEvents, never over 100 events or 256 KiB; a full batch goes at once', async () => {
  const { device, api, clm } = setup({ autoTrack: false, maxBatchEvents: 5 });
  await clm.flush();
  for (let i = 0; i < 5; i++) clm.track('page_view', { path: 'p' + i });
  await device.advance(10); // no timer needed for a full batch
  assert.deepEqual(api.batches.map((b) => b.length), [5]);

  const big = setup({ autoTrack: false, maxBatchEvents: 500 });
  for (let i = 0; i < 250; i++) big.clm.track('page_view', { path: 'p' + i });
  await big.clm.flush();
  assert.ok(big.api.batches.every((b) => b.length <= 100));
  assert.equal(big.api.events.length, 250);

  const heavy = setup({ autoTrack: false, maxBatchEvents: 100 });
  const text = '€'.repeat(1990);
  for (let i = 0; i < 80; i++) heavy.clm.track('feedback', { category: 'bug', text });
  await heavy.clm.flush();
  const bodies = eventRequests(heavy.device).map((r) => Buffer.byteLength(r.body));
  assert.ok(Math.max(...bodies) <= 256 * 1024, `largest body ${Math.max(...bodies)}`);
  assert.ok(heavy.api.batches.length >= 2, 'split by bytes, not by count');
  assert.equal(heavy.api.events.length, 80);
});

test('partial batches go every flushIntervalMs and on show', async () => {
  const { device, api, clm } = setup({ autoTrack: false, flushIntervalMs: 5000 });
  clm.track('page_view', { path: 'a' });
  await device.advance(4000);
  assert.equal(api.batches.length, 0);
  await device.advance(1000);
  assert.equal(api.batches.length, 1);
  clm.track('page_view', { path: 'b' });
  device.show();
  await device.advance(10);
  assert.equal(api.batches.length, 2);
});

test('on hide the request starts inside the callback; timers are frozen while hidden', async () => {
  const { device, api, clm } = setup({ autoTrack: true, flushIntervalMs: 5000 });
  await clm.flush();
  const opts = clm.page({});
  opts.onShow.call({ route: 'pages/a' });
  const before = eventRequests(device).length;
  device.hide();
  assert.equal(eventRequests(device).length, before + 1, 'started synchronously in onAppHide');
  await device.advance(100);
  // the page's onHide may come after the app's: tracked while hidden, it goes at once too
  opts.onHide.call({ route: 'pages/a', __clmShownAt: device.now - 100 });
  await device.advance(100);
  assert.equal(api.ofType('page_leave').length, 1);
  clm.track('page_view', { path: 'still-hidden' });
  const whileHidden = eventRequests(device).length;
  device.handler = () => 'hang';
  clm.track('page_view', { path: 'x' });
  const n = eventRequests(device).length;
  await device.advance(600000); // no timer fires while hidden
  assert.equal(eventRequests(device).length, n);
  assert.ok(whileHidden > before + 1);
});

test('hide cuts in-flight requests after 5 s; they are sent again on show and counted once', async () => {
  const { device, api, clm } = setup({ autoTrack: false });
  await clm.flush();
  for (let i = 0; i < 30; i++) clm.track('page_view', { path: 'p' + i });
  const real = device.handler;
  device.handler = (r) => r.url.endsWith('/v1/events') ? Promise.resolve().then(() => real(r)).then(() => 'hang') : real(r);
  device.hide();
  await device.advance(6000);
  assert.ok(eventRequests(device).some((r) => r.outcome === 'request:fail interrupted'));
  device.handler = real;
  device.show();
  await device.advance(10);
  await clm.flush();
  assert.equal(api.events.length, 30);
  assert.ok([...api.counts.values()].some((c) => c === 2), 'the cut requests had reached the server');
  assert.equal(clm.status().queued, 0);
});

test('at most 2 requests in flight', async () => {
  const { device, clm } = setup({ autoTrack: false, maxBatchEvents: 5 });
  clm.track('page_view', { path: 'first' });
  await clm.flush(); // logged in
  device.handler = () => 'hang';
  for (let i = 0; i < 200; i++) clm.track('page_view', { path: 'p' + i });
  await device.advance(100);
  assert.equal(device.active.length, 2);
  assert.equal(clm.status().inFlight, 2);
  await device.advance(3600000);
  assert.equal(device.maxActive, 2);
});

test('failures back off with jitter from 5 s to 5 minutes; 429 honours Retry-After', async () => {
  const { device, api, clm } = setup({ autoTrack: false });
  await clm.flush();
  const kinds = ['fail', 'hang', { statusCode: 503, data: {} }, { statusCode: 500, data: {} }, { statusCode: 429, data: {} }];
  let n = 0;
  device.handler = (r) => r.url.endsWith('/v1/events') ? kinds[n++ % kinds.length] : api.handle(r);
  clm.track('page_view', { path: 'a' });
  await device.advance(2 * 3600000);
  const starts = eventRequests(device).map((r) => r.startedAt);
  const gaps = starts.slice(1).map((t, i) => t - starts[i]);
  assert.ok(gaps.length >= 20, `${gaps.length} attempts in 2 h`);
  const waits = gaps.map((g, i) => g - (kinds[i % kinds.length] === 'hang' ? 10000 : 0));
  assert.ok(waits[0] >= 5000 && waits[0] <= 7500, `first wait ${waits[0]}`);
  assert.ok(waits[1] >= 10000 && waits[1] <= 15000, `second wait ${waits[1]}`);
  assert.ok(waits.every((w) => w >= 5000 && w <= 300000), waits.join());
  assert.ok(waits.slice(-5).every((w) => w >= 150000), 'capped near 5 minutes');
  assert.ok(new Set(waits.slice(-5)).size > 1, 'jittered');

  const limited = setup({ autoTrack: false });
  await limited.clm.flush();
  let first = true;
  limited.device.handler = (r) => {
    if (r.url.endsWith('/v1/events') && first) {
      first = false;
      return { statusCode: 429, data: { error: 'slow down' }, header: { 'Retry-After': '120' } };
    }
    return limited.api.handle(r);
  };
  limited.clm.track('page_view', { path: 'a' });
  const s = await limited.clm.flush();
  assert.match(s.lastError, /HTTP 429/);
  await limited.device.advance(119000);
  assert.equal(limited.api.events.length, 0);
  await limited.device.advance(60000);
  assert.equal(limited.api.events.length, 1);
});

test('a retry resends the same eventIds and the server counts each once', async () => {
  const { device, api, clm } = setup({ autoTrack: false });
  await clm.flush();
  let lose = 2;
  device.handler = (r) => {
    const answer = api.handle(r); // stored, but the answer is lost
    return r.url.endsWith('/v1/events') && lose-- > 0 ? 'fail' : answer;
  };
  const ids = [];
  for (let i = 0; i < 3; i++) ids.push(clm.track('page_view', { path: 'p' + i }));
  await device.advance(60000);
  const sentIds = eventRequests(device).map((r) => JSON.parse(r.body).events.map((e) => e.eventId).join());
  assert.equal(new Set(sentIds).size, 1, 'every attempt carries the same ids');
  assert.equal(sentIds.length, 3);
  assert.deepEqual(ids.map((id) => api.counts.get(id)), [3, 3, 3]);
  assert.equal(api.events.length, 3);
  assert.equal(clm.status().sent, 3);
});

test('timestamps are the device\'s and monotonic within the queue', async () => {
  const { device, api, clm } = setup({ autoTrack: false });
  clm.track('page_view', { path: 'a' });
  device.now -= 60000; // the user set the clock back
  clm.track('page_view', { path: 'b' });
  device.now += 120000;
  clm.track('page_view', { path: 'c' });
  await clm.flush();
  const ts = api.events.map((e) => e.ts);
  assert.deepEqual(ts, [ts[0], ts[0], ts[0] + 60000]);
});

test('a 400 batch and per-event rejections drop those events with their reasons, never retried', async () => {
  const { device, api, clm } = setup({ autoTrack: false });
  await clm.flush();
  api.reject = (e) => e.props.path === 'bad' ? 'props.path must not be empty' : null;
  clm.track('page_view', { path: 'bad' });
  clm.track('page_view', { path: 'good' });
  let s = await clm.flush();
  assert.deepEqual({ ...s.droppedReasons }, { 'props.path must not be empty': 1 });
  assert.equal(s.sent, 1);
  clm.track('page_view', { path: 'bad' });
  clm.track('page_view', { path: 'bad' });
  s = await clm.flush();
  const n = eventRequests(device).length;
  await device.advance(3600000);
  assert.equal(eventRequests(device).length, n, 'not retried');
  assert.equal(s.dropped, 3);
  assert.equal(s.queued, 0);
  device.handler = () => ({ statusCode: 400, data: { error: 'malformed JSON' } });
  clm.track('page_view', { path: 'x' });
  s = await clm.flush();
  assert.equal(s.droppedReasons.http_400, 1);
});

test('the queue survives kills: chunks under 1 MB a key, capped at 1,000 events or 512 KiB, oldest dropped first', async () => {
  const { device, api, clm } = setup({ autoTrack: false });
  await device.advance(0);
  device.setNetwork(false);
  const ids = [];
  for (let i = 0; i < 1200; i++) ids.push(clm.track('page_view', { path: 'p' + i }));
  assert.equal(clm.status().queued, 1000);
  assert.equal(clm.status().droppedReasons.queue_full, 200);
  await device.advance(2000); // the debounced write
  const chunkWrites = device.storageWrites.filter((w) => w.key.startsWith('clm_q'));
  assert.ok(chunkWrites.length <= 20, `${chunkWrites.length} chunk writes for 1,200 events`);
  assert.ok(chunkWrites.every((w) => !w.sync));
  device.kill();
  const clm2 = device.launch();
  clm2.init({ appId: 'demo', apiBase: API, autoTrack: false });
  assert.equal(clm2.status().queued, 1000);
  const text = 'y'.repeat(1900);
  for (let i = 0; i < 400; i++) clm2.track('feedback', { category: 'bug', text });
  assert.ok(clm2.status().queued < 300, 'at most 512 KiB');
  await device.advance(2000);
  for (const [k, v] of device.storage) assert.ok(Buffer.byteLength(v) < 1024 * 1024, k);
  device.kill();
  const clm3 = device.launch();
  clm3.init({ appId: 'demo', apiBase: API, autoTrack: false });
  const kept = clm3.status().queued;
  await device.advance(0);
  device.setNetwork(true);
  await clm3.flush();
  await device.advance(10000);
  assert.equal(api.events.length, kept);
  assert.equal(api.events[api.events.length - 1].props.text, text, 'the newest are kept');
  assert.ok(!api.counts.has(ids[0]));
});

test('a kill in the middle of a queue write loses nothing: the last complete generation and the journal remain', async () => {
  const { device, api, clm } = setup({ autoTrack: false });
  await device.advance(0);
  device.setNetwork(false);
  const ids = [];
  for (let i = 0; i < 150; i++) ids.push(clm.track('page_view', { path: 'p' + i }));
  await device.advance(2000); // written: one generation, an empty journal
  const before = device.storedJson('clm_m');
  for (let i = 150; i < 270; i++) ids.push(clm.track('page_view', { path: 'p' + i }));
  // the 100th journal entry started writing a new generation; killed before its meta
  assert.ok(device.storageWrites.some((w) => w.key.startsWith(`clm_q${before.g + 1}_`)));
  device.kill();
  assert.deepEqual(device.storedJson('clm_m'), before);
  device.network = 'wifi';
  const clm2 = device.launch();
  clm2.init({ appId: 'demo', apiBase: API, autoTrack: false });
  assert.equal(clm2.status().queued, 270);
  await clm2.flush();
  await device.advance(60000);
  assert.deepEqual(api.events.map((e) => e.eventId).sort(), ids.sort());
});

test('a storage quota error never throws into the merchant\'s code; the events still go', async () => {
  const { device, api, clm } = setup({ autoTrack: false }, { totalQuota: 4096 });
  device.storage.set('merchant', JSON.stringify('z'.repeat(3000)));
  const ids = [];
  for (let i = 0; i < 40; i++) ids.push(clm.track('page_view', { path: 'p' + i }));
  assert.match(clm.status().lastError, /storage/);
  await device.advance(2000);
  await clm.flush();
  assert.deepEqual(api.events.map((e) => e.eventId).sort(), ids.sort());
  const perKey = setup({ autoTrack: false }, { perKeyQuota: 300 });
  assert.doesNotThrow(() => perKey.clm.track('feedback', { category: 'bug', text: 'q'.repeat(500) }));
});

test('requestSubscribe tracks one subscribe_result and resolves to wx\'s result; a failure rejects', async () => {
  const { device, api, clm } = setup({ autoTrack: false });
  device.subscribeAnswer = () => ({ T1: 'accept', T2: 'reject' });
  const r = await clm.requestSubscribe(['T1', 'T2']);
  assert.equal(r.T1, 'accept');
  assert.equal(r.errMsg, 'requestSubscribeMessage:ok');
  await device.advance(10);
  await clm.flush();
  assert.deepEqual(api.ofType('subscribe_result').map((e) => e.props), [{ results: { T1: 'accept', T2: 'reject' } }]);
  device.subscribeAnswer = () => ({ errCode: 20004 });
  await assert.rejects(clm.requestSubscribe(['T1']), (e) => e.errCode === 20004);
  assert.equal(api.ofType('subscribe_result').length, 1);
});

test('flush resolves once everything queued is accepted, or at once when the send failed', async () => {
  const { device, api, clm } = setup({ autoTrack: false, maxBatchEvents: 10 });
  for (let i = 0; i < 35; i++) clm.track('page_view', { path: 'p' + i });
  const s = await clm.flush();
  assert.equal(s.queued, 0);
  assert.equal(api.events.length, 35);
  device.handler = () => 'fail';
  clm.track('page_view', { path: 'z' });
  const f = await clm.flush();
  assert.equal(f.queued, 1);
  assert.match(f.lastError, /network error/);
  await settle();
});

test('me, checkIn and redeem: the customer\'s own API with the session token; a refusal rejects with status and reason', async () => {
  const { api, clm } = setup({ autoTrack: false });
  api.me = (method, url, body) => {
    if (url.endsWith('/v1/me')) return { statusCode: 200, data: { customerId: 'c_alice', points: { balance: 40 } } };
    if (url.endsWith('/v1/me/check-ins')) return body.makeUp ? { statusCode: 409, data: { error: 'a make-up costs 20 points' } }
      : { statusCode: 200, data: { streak: 2, balance: 50 } };
    return { statusCode: 201, data: { redemptionId: body.requestId, rewardId: body.rewardId } };
  };
  assert.equal((await clm.me()).points.balance, 40);
  assert.equal((await clm.checkIn()).streak, 2);
  await assert.rejects(clm.checkIn({ makeUp: true, date: '2026-12-03' }),
    (e) => e.status === 409 && e.error === 'a make-up costs 20 points');
  const r = await clm.redeem('mug');
  assert.equal(r.rewardId, 'mug');
  assert.match(r.redemptionId, UUID_V4, 'a requestId of its own unless given');
  assert.equal((await clm.redeem('mug', 'req-1')).redemptionId, 'req-1');
  assert.deepEqual(api.meCalls.map((c) => `${c.method} ${c.url}`), ['GET /prod/v1/me', 'POST /prod/v1/me/check-ins',
    'POST /prod/v1/me/check-ins', 'POST /prod/v1/me/redemptions', 'POST /prod/v1/me/redemptions']);
  assert.equal(api.sessions, 1, 'one login for all');
});
