'use strict';
// End to end: the SDK on the fake device, whose wx.request does real HTTP to a running
// `./run-local --no-demo` (started here on a free port, stopped afterwards whatever happens).
// Needs what ./run-local needs (a JDK and Maven): without them this fails, it never skips.
const test = require('node:test');
const assert = require('node:assert/strict');
const http = require('http');
const net = require('net');
const path = require('path');
const { spawn } = require('child_process');
const { Device, settle } = require('./fake-wx');

const ROOT = path.resolve(__dirname, '..', '..');
const ADMIN_KEY = 'sdk-e2e-admin-key-0123456789';
let runtime;
let base;

function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

function call(method, url, body, headers = {}) {
  return new Promise((resolve, reject) => {
    const u = new URL(url);
    const data = body === undefined ? undefined : (typeof body === 'string' ? body : JSON.stringify(body));
    const req = http.request({ host: u.hostname, port: u.port, path: u.pathname + u.search, method,
      headers: Object.assign({ 'content-type': 'application/json' }, headers) }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        let json = null;
        try { json = text ? JSON.parse(text) : null; } catch (e) { /* not JSON */ }
        resolve({ statusCode: res.statusCode, data: json === null ? text : json, header: res.headers });
      });
    });
    req.on('error', reject);
    if (data !== undefined) req.write(data);
    req.end();
  });
}

const admin = (p) => call('GET', base + p, undefined, { Authorization: 'Bearer ' + ADMIN_KEY });

test.before(async () => {
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  runtime = spawn(path.join(ROOT, 'run-local'), ['--no-demo', '--port', String(port), '--admin-key', ADMIN_KEY],
    { cwd: ROOT, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  runtime.stdout.on('data', (c) => { output += c; });
  runtime.stderr.on('data', (c) => { output += c; });
  const exited = new Promise((resolve) => runtime.once('exit', (code) => resolve(code)));
  const deadline = Date.now() + 300000;
  for (;;) {
    const code = await Promise.race([exited, new Promise((r) => setTimeout(r, 500, 'waiting'))]);
    if (code !== 'waiting') throw new Error(`./run-local exited (${code}) before it was up:\n${output}`);
    try {
      if ((await call('GET', base + '/_local/health')).statusCode === 200) break;
    } catch (e) { /* not listening yet */ }
    if (Date.now() > deadline) throw new Error(`./run-local was not up within 5 minutes:\n${output}`);
  }
});

function stop() {
  if (runtime && runtime.exitCode === null && runtime.signalCode === null) {
    try { process.kill(-runtime.pid, 'SIGTERM'); } catch (e) { /* already gone */ }
  }
}
test.after(stop);
process.on('exit', stop); // also when the test run itself fails hard

/** A device whose wx.request goes over HTTP to the runtime, through a network that can fail. */
function wiredDevice(user, network) {
  const device = new Device({ user, now: Date.now() });
  device.tracked = new Set();
  device.accepted = new Map(); // eventId -> times a 202 accepted it
  const setItem = device.setItem.bind(device);
  device.setItem = (key, data) => {
    if (key === 'clm_j' && Array.isArray(data)) for (const e of data) device.tracked.add(e.eventId);
    return setItem(key, data);
  };
  device.handler = (r) => {
    const fate = network(r);
    if (fate === 'down') return 'fail'; // never reached the server
    return call(r.options.method || 'GET', r.url, r.body, r.header).then((answer) => {
      if (r.url.endsWith('/v1/events') && answer.statusCode === 202) {
        const rejected = new Set(answer.data.rejected.map((x) => x.index));
        JSON.parse(r.body).events.forEach((e, i) => {
          if (!rejected.has(i)) device.accepted.set(e.eventId, (device.accepted.get(e.eventId) || 0) + 1);
        });
      }
      return fate === 'lost' ? 'fail' : answer; // 'lost': the server got it, the answer never came back
    });
  };
  return device;
}

/** Advances virtual time in steps, letting the real HTTP requests in flight finish between them. */
async function run(device, ms, step = 1000) {
  for (let t = 0; t < ms; t += step) {
    await device.advance(step);
    for (let i = 0; i < 200 && device.active.length; i++) await new Promise((r) => setTimeout(r, 5));
    await settle();
  }
}

async function customerOf(user) {
  // the same person logging in again: the stand-in derives the openid from the code before '~'
  const s = await call('POST', base + '/v1/session', { appId: 'demo', code: `${user}~check` });
  assert.equal(s.statusCode, 200, JSON.stringify(s.data));
  return s.data.customerId;
}

test('200 events, a failing network and two kills: every event delivered once', { timeout: 600000 }, async () => {
  let n = 0;
  // a fixed pattern: about a quarter never reach the server, a sixth reach it and lose the answer
  const pattern = ['ok', 'down', 'ok', 'lost', 'ok', 'ok', 'down', 'ok', 'ok', 'lost', 'down', 'ok'];
  let healthy = false;
  const device = wiredDevice('sdk-e2e-buyer', () => healthy ? 'ok' : pattern[n++ % pattern.length]);
  const init = { appId: 'demo', apiBase: base, flushIntervalMs: 5000, maxBatchEvents: 20 };
  const orders = [];
  let i = 0;
  const trackSome = (clm, count) => {
    for (let k = 0; k < count; k++, i++) {
      if (i % 10 === 3) {
        const amountFen = 1000 + i * 7;
        orders.push(amountFen);
        clm.track('order_paid', { orderId: `sdk-e2e-${i}`, amountFen });
      } else if (i % 10 === 2) {
        clm.track('add_to_cart', { sku: 'sku-' + i, qty: 1, priceFen: 1990 });
      } else {
        const p = clm.page({ onShow() {} });
        p.onShow.call({ route: 'pages/item/item' });
      }
    }
  };
  const dropped = [];

  // life 1: events while the network fails; killed with requests in flight
  let clm = device.launch();
  clm.init(init);
  device.show();
  for (let k = 0; k < 6; k++) { trackSome(clm, 10); await run(device, 3000); }
  trackSome(clm, 7);
  await run(device, 1000, 1000);
  dropped.push(clm.status().dropped);
  device.kill();

  // life 2: relaunched, more events, hidden (the hide flush), killed while hidden
  clm = device.launch();
  clm.init(init);
  device.show();
  for (let k = 0; k < 5; k++) { trackSome(clm, 10); await run(device, 4000); }
  device.hide();
  await run(device, 2000);
  dropped.push(clm.status().dropped);
  device.kill();

  // life 3: relaunched; the network recovers; everything drains
  clm = device.launch();
  clm.init(init);
  device.show();
  for (let k = 0; k < 8; k++) { trackSome(clm, 10); await run(device, 5000); }
  trackSome(clm, 3);
  healthy = true;
  await run(device, 330000, 5000); // past the longest backoff
  const s = await clm.flush();
  dropped.push(s.dropped);

  const tracked = device.tracked.size;
  const delivered = [...device.tracked].filter((id) => device.accepted.has(id)).length;
  const resent = [...device.accepted.values()].reduce((a, c) => a + c - 1, 0);
  const lost = tracked - delivered;
  assert.equal(await call('POST', base + '/_local/drain').then((r) => r.statusCode), 200);
  const customer = await customerOf('sdk-e2e-buyer');
  const profile = (await admin(`/v1/apps/demo/customers/${customer}`)).data;
  const revenue = orders.reduce((a, b) => a + b, 0);
  console.log(`sdk e2e: ${i} events tracked by hand, ${tracked} tracked in all (app_launch, app_show, app_hide included),`
    + ` ${delivered} delivered, ${lost} lost, ${dropped.reduce((a, b) => a + b, 0)} dropped,`
    + ` ${resent} resent after a failure (the server counted them once: ${profile.orders} orders,`
    + ` revenue ${profile.revenueFen} fen, expected ${orders.length} and ${revenue});`
    + ` ${device.requests.length} requests, ${device.requests.filter((r) => typeof r.outcome !== 'number').length} failed`);
  assert.equal(i, 200);
  assert.equal(s.queued, 0);
  assert.equal(lost, 0);
  assert.deepEqual(dropped, [0, 0, 0]);
  assert.ok(resent > 0, 'the failing network made the SDK resend events the server already had');
  assert.equal(profile.orders, orders.length);
  assert.equal(profile.revenueFen, revenue);
});

test('a requestSubscribe accept is a sending credit, and the stand-in WeChat delivers the push', { timeout: 120000 }, async () => {
  const campaign = { name: 'sdk cart', priority: 95, trigger: { type: 'cart_abandoned', hours: 2 }, templateId: 'TPL_SDK_CART',
    page: 'pages/cart/index', data: { thing1: '购物车还有商品' }, holdoutPercent: 0 };
  const put = await call('PUT', base + '/v1/apps/demo/campaigns/sdk-cart', campaign, { Authorization: 'Bearer ' + ADMIN_KEY });
  assert.equal(put.statusCode, 200, JSON.stringify(put.data));
  const device = wiredDevice('sdk-e2e-subscriber', () => 'ok');
  device.subscribeAnswer = (ids) => Object.fromEntries(ids.map((id) => [id, id === 'TPL_SDK_CART' ? 'accept' : 'reject']));
  const clm = device.launch();
  clm.init({ appId: 'demo', apiBase: base });
  device.show();
  const result = await clm.requestSubscribe(['TPL_SDK_CART', 'TPL_OTHER']);
  assert.equal(result.TPL_SDK_CART, 'accept');
  clm.track('add_to_cart', { sku: 'sku-1', qty: 1, priceFen: 2990 });
  await run(device, 2000);
  assert.equal((await clm.flush()).queued, 0);
  assert.equal((await call('POST', base + '/_local/drain')).statusCode, 200);
  const customer = await customerOf('sdk-e2e-subscriber');
  const profile = (await admin(`/v1/apps/demo/customers/${customer}`)).data;
  assert.deepEqual(profile.credits, { TPL_SDK_CART: 1 });

  await call('POST', base + '/_local/clock', { advance: 'PT2H5M' });
  assert.equal((await call('POST', base + '/_local/run/DispatchFunction')).statusCode, 200);
  await call('POST', base + '/_local/drain');
  const messages = (await call('GET', base + '/_local/wechat/messages')).data.messages
    .filter((m) => m.template_id === 'TPL_SDK_CART');
  assert.equal(messages.length, 1, JSON.stringify(messages));
  assert.equal(messages[0].errcode, 0, JSON.stringify(messages[0]));
  const after = (await admin(`/v1/apps/demo/customers/${customer}`)).data;
  assert.equal((after.credits || {}).TPL_SDK_CART || 0, 0, 'the credit was spent');
});
