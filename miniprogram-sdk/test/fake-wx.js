'use strict';
// A fake WeChat device for the SDK's tests: it behaves like the real platform where delivery
// depends on it (what miniprogram-simulate does not model):
// - storage: 1 MB a key, 10 MB in all (UTF-8 bytes of the JSON), sync calls throw and async ones
//   fail past a quota; storage outlives the app;
// - wx.request: at most 10 run at once (the rest wait), requests can fail, hang until their timeout
//   (60 s default), and are cut ("request:fail interrupted") 5 s after the app is hidden;
// - timers: on a virtual clock the test advances; frozen from hide to show (as on iOS);
// - app kill: the running instance's timers and callbacks die, and `launch()` loads a new module
//   instance of dist/index.js over the same storage.
// Every wx API the SDK touches is recorded so a test can check it uses only the allowed ones.
const fs = require('fs');
const path = require('path');
const vm = require('vm');

const DIST = path.join(__dirname, '..', 'dist', 'index.js');
const KB = 1024;

class Device {
  constructor(options = {}) {
    this.now = options.now || Date.UTC(2026, 11, 4, 8, 0, 0);
    this.perKeyQuota = options.perKeyQuota || 1024 * KB;
    this.totalQuota = options.totalQuota || 10 * 1024 * KB;
    this.storage = new Map(); // key -> JSON text
    this.timers = []; // {id, at, fn, app, platform}
    this.nextTimer = 1;
    this.hidden = false;
    this.hiddenAt = 0;
    this.active = []; // requests running
    this.waiting = []; // requests beyond the 10 running
    this.requests = []; // every request started, for assertions
    this.maxActive = 0;
    this.apis = new Set();
    this.storageWrites = []; // {key, sync}
    this.loginCount = 0;
    this.user = options.user || 'alice';
    this.network = 'wifi';
    this.launchOptions = { scene: 1001, path: 'pages/index/index', query: {} };
    this.subscribeAnswer = (tmplIds) => Object.fromEntries(tmplIds.map((id) => [id, 'accept']));
    // answers a request: an object {statusCode, data, header}, 'fail', 'hang', or a Promise of one
    this.handler = () => 'hang';
    this.app = null;
  }

  // ---- the test's controls ----

  /** Starts the mini-program: a new instance of dist/index.js (a cold start). */
  launch() {
    if (this.app) this.kill();
    const app = { dead: false, showListeners: [], hideListeners: [], netListeners: [] };
    this.app = app;
    this.hidden = false;
    const module = { exports: {} };
    const device = this;
    const RealDate = Date;
    class DeviceDate extends RealDate {
      constructor(...a) {
        if (a.length === 0) super(device.now); else super(...a);
      }
      static now() {
        return device.now;
      }
    }
    const globals = {
      wx: this.makeWx(app),
      setTimeout: (fn, ms) => this.addTimer(fn, ms, app, false),
      clearTimeout: (id) => { this.timers = this.timers.filter((t) => t.id !== id); },
      console,
      Date: DeviceDate,
      App: sentinel, Page: sentinel, Component: sentinel
    };
    const context = vm.createContext(globals);
    vm.runInContext(`(function (module, exports) {${fs.readFileSync(DIST, 'utf8')}\n})`, context, { filename: DIST })(
      module, module.exports);
    app.clm = module.exports;
    app.globals = globals;
    app.context = context;
    return app.clm;
  }

  /** Runs a script of the mini-program (app.js, a page) in the running app, as CommonJS with `modules` to require. */
  runScript(file, modules) {
    const module = { exports: {} };
    const code = fs.readFileSync(file, 'utf8');
    vm.runInContext(`(function (module, exports, require) {${code}\n})`, this.app.context, { filename: file })(
      module, module.exports, (name) => {
        if (!(name in modules)) throw new Error(`${file} requires ${name}`);
        return modules[name];
      });
    return module.exports;
  }

  /** The app is killed: its timers, listeners and pending callbacks are gone; storage stays. */
  kill() {
    if (!this.app) return;
    this.app.dead = true;
    this.timers = this.timers.filter((t) => t.app !== this.app);
    this.active = this.active.filter((r) => r.app !== this.app);
    this.waiting = this.waiting.filter((r) => r.app !== this.app);
    this.app = null;
  }

  show(scene = 1001, query = {}) {
    if (this.hidden) {
      const frozen = this.now - this.hiddenAt;
      for (const t of this.timers) if (!t.platform) t.at += frozen;
      // requests cut after hide stay cut; the platform's pending interruptions are void
      this.timers = this.timers.filter((t) => t.kind !== 'interrupt');
    }
    this.hidden = false;
    for (const l of this.app.showListeners) l({ scene, path: this.launchOptions.path, query });
  }

  hide() {
    this.hidden = true;
    this.hiddenAt = this.now;
    for (const l of this.app.hideListeners) l();
    // WeChat cuts the requests still running 5 s after hide
    this.addTimer(() => {
      for (const r of [...this.active, ...this.waiting]) this.finish(r, null, 'request:fail interrupted');
    }, 5000, null, true, 'interrupt');
  }

  setNetwork(connected) {
    this.network = connected ? 'wifi' : 'none';
    for (const l of this.app.netListeners) l({ isConnected: connected, networkType: this.network });
  }

  /** Advances the virtual clock, firing due timers in order (not the app's while hidden). */
  async advance(ms) {
    const end = this.now + ms;
    for (;;) {
      await settle();
      const due = this.timers.filter((t) => t.at <= end && (t.platform || !this.hidden)).sort((a, b) => a.at - b.at || a.id - b.id)[0];
      if (!due) break;
      this.timers = this.timers.filter((t) => t !== due);
      if (due.at > this.now) this.now = due.at;
      due.fn();
    }
    this.now = end;
    await settle();
  }

  storedJson(key) {
    return this.storage.has(key) ? JSON.parse(this.storage.get(key)) : '';
  }

  storageBytes() {
    let n = 0;
    for (const [k, v] of this.storage) n += Buffer.byteLength(k) + Buffer.byteLength(v);
    return n;
  }

  // ---- the platform ----

  addTimer(fn, ms, app, platform, kind) {
    const id = this.nextTimer++;
    const owner = app;
    this.timers.push({
      id, at: this.now + Math.max(0, ms || 0), app, platform, kind,
      fn: () => { if (!owner || !owner.dead) fn(); }
    });
    return id;
  }

  later(app, fn) {
    setImmediate(() => { if (!app.dead) fn(); });
  }

  setItem(key, data) {
    const text = JSON.stringify(data === undefined ? null : data);
    const bytes = Buffer.byteLength(key) + Buffer.byteLength(text);
    if (bytes > this.perKeyQuota) return 'exceed storage item max length';
    const old = this.storage.has(key) ? Buffer.byteLength(key) + Buffer.byteLength(this.storage.get(key)) : 0;
    if (this.storageBytes() - old + bytes > this.totalQuota) return 'exceed storage max size 10MB';
    this.storage.set(key, text);
    return null;
  }

  makeWx(app) {
    const d = this;
    const api = {
      getStorageSync: (key) => d.storedJson(key),
      setStorageSync: (key, data) => {
        d.storageWrites.push({ key, sync: true, bytes: Buffer.byteLength(JSON.stringify(data)) });
        const err = d.setItem(key, data);
        if (err) throw new Error('setStorageSync:fail ' + err);
      },
      removeStorageSync: (key) => { d.storage.delete(key); },
      getStorage: ({ key, success, fail }) => d.later(app, () => d.storage.has(key)
        ? success && success({ data: d.storedJson(key), errMsg: 'getStorage:ok' })
        : fail && fail({ errMsg: 'getStorage:fail data not found' })),
      setStorage: ({ key, data, success, fail }) => {
        d.storageWrites.push({ key, sync: false, bytes: Buffer.byteLength(JSON.stringify(data)) });
        // native storage writes complete even if the JS side dies right after
        const err = d.setItem(key, data);
        d.later(app, () => err ? fail && fail({ errMsg: 'setStorage:fail ' + err }) : success && success({ errMsg: 'setStorage:ok' }));
      },
      removeStorage: ({ key, success }) => {
        d.storage.delete(key);
        d.later(app, () => success && success({ errMsg: 'removeStorage:ok' }));
      },
      login: ({ success, fail }) => {
        d.loginCount++;
        const code = `${d.user}~${d.loginCount}`;
        d.later(app, () => d.network === 'none' ? fail && fail({ errMsg: 'login:fail network' })
          : success({ code, errMsg: 'login:ok' }));
      },
      request: (options) => d.request(app, options),
      onAppShow: (l) => app.showListeners.push(l),
      onAppHide: (l) => app.hideListeners.push(l),
      offAppShow: (l) => { app.showListeners = app.showListeners.filter((x) => x !== l); },
      offAppHide: (l) => { app.hideListeners = app.hideListeners.filter((x) => x !== l); },
      getLaunchOptionsSync: () => JSON.parse(JSON.stringify(d.launchOptions)),
      getEnterOptionsSync: () => JSON.parse(JSON.stringify(d.launchOptions)),
      requestSubscribeMessage: ({ tmplIds, success, fail }) => d.later(app, () => {
        const r = d.subscribeAnswer(tmplIds);
        if (r.errCode) fail && fail({ errMsg: 'requestSubscribeMessage:fail ' + r.errCode, errCode: r.errCode });
        else success(Object.assign({ errMsg: 'requestSubscribeMessage:ok' }, r));
      }),
      getSystemInfoSync: () => ({ platform: 'ios', SDKVersion: '3.3.0' }),
      getNetworkType: ({ success }) => d.later(app, () => success({ networkType: d.network })),
      onNetworkStatusChange: (l) => app.netListeners.push(l)
    };
    return new Proxy(api, {
      get(target, name) {
        if (typeof name === 'string') d.apis.add(name);
        return target[name];
      }
    });
  }

  request(app, options) {
    const r = { app, options, url: options.url, body: options.data, header: options.header || {}, done: false, startedAt: this.now };
    this.requests.push(r);
    if (this.active.length >= 10) this.waiting.push(r);
    else this.run(r);
    return { abort: () => this.finish(r, null, 'request:fail abort') };
  }

  run(r) {
    this.active.push(r);
    this.maxActive = Math.max(this.maxActive, this.active.length);
    r.timeout = this.addTimer(() => this.finish(r, null, 'request:fail timeout'), r.options.timeout || 60000, null, true);
    let answer;
    try {
      answer = this.handler(r);
    } catch (e) {
      answer = 'fail';
    }
    Promise.resolve(answer).then((a) => {
      if (a === 'hang') return;
      if (a === 'fail') this.finish(r, null, 'request:fail network error');
      else this.finish(r, a, null);
    }, () => this.finish(r, null, 'request:fail network error'));
  }

  finish(r, answer, err) {
    if (r.done) return;
    r.done = true;
    r.outcome = err || answer.statusCode;
    this.timers = this.timers.filter((t) => t.id !== r.timeout);
    this.active = this.active.filter((x) => x !== r);
    if (this.waiting.length && this.active.length < 10) this.run(this.waiting.shift());
    if (r.app.dead) return;
    const o = r.options;
    this.later(r.app, () => {
      if (err) {
        o.fail && o.fail({ errMsg: err });
      } else {
        let data = answer.data;
        if (typeof data === 'string' && o.dataType !== 'text') {
          try { data = JSON.parse(data); } catch (e) { /* as text */ }
        }
        o.success && o.success({ statusCode: answer.statusCode, data, header: answer.header || {}, errMsg: 'request:ok' });
      }
      o.complete && o.complete({});
    });
  }
}

function sentinel() {}

/** Lets pending callbacks, microtasks and I/O run. */
async function settle(rounds = 10) {
  for (let i = 0; i < rounds; i++) await new Promise((res) => setImmediate(res));
}

/**
 * A stand-in of /v1/session and /v1/events with the API's semantics: tokens, 100 events /
 * 256 KiB a batch, per-event rejections, and eventIds counted once.
 */
class FakeApi {
  constructor(device) {
    this.device = device;
    this.counts = new Map(); // eventId -> times stored
    this.events = []; // distinct events in arrival order
    this.batches = [];
    this.sessions = 0;
    this.tokens = new Set();
    this.reject = () => null; // event -> reason or null
    this.expiresIn = 7200;
  }

  handle(r) {
    const url = r.url.replace(/^https?:\/\/[^/]+/, '');
    if (url.includes('/v1/me')) {
      const auth = (r.header.Authorization || '').replace('Bearer ', '');
      if (!this.tokens.has(auth)) return { statusCode: 401, data: { error: 'invalid token' } };
      this.meCalls = (this.meCalls || []).concat([{ method: r.options.method, url, body: r.body === undefined ? undefined : JSON.parse(r.body) }]);
      return this.me ? this.me(r.options.method, url, r.body === undefined ? undefined : JSON.parse(r.body))
        : { statusCode: 200, data: {} };
    }
    const body = JSON.parse(r.body);
    if (url.endsWith('/v1/session')) {
      this.sessions++;
      const token = `tok-${this.sessions}`;
      this.tokens.add(token);
      return { statusCode: 200, data: { token, expiresIn: this.expiresIn, customerId: 'c_alice' } };
    }
    const auth = (r.header.Authorization || '').replace('Bearer ', '');
    if (!this.tokens.has(auth)) return { statusCode: 401, data: { error: 'invalid token' } };
    if (body.events.length > 100 || Buffer.byteLength(r.body) > 256 * KB) return { statusCode: 413, data: { error: 'too large' } };
    this.batches.push(body.events);
    const rejected = [];
    body.events.forEach((e, index) => {
      const reason = this.reject(e);
      if (reason) {
        rejected.push({ index, eventId: e.eventId, reason });
        return;
      }
      if (!this.counts.has(e.eventId)) this.events.push(e);
      this.counts.set(e.eventId, (this.counts.get(e.eventId) || 0) + 1);
    });
    const accepted = body.events.length - rejected.length;
    return { statusCode: accepted ? 202 : 400, data: { accepted, rejected } };
  }

  ofType(type) {
    return this.events.filter((e) => e.type === type);
  }
}

module.exports = { Device, FakeApi, settle, ALLOWED_WX: [
  'login', 'request', 'getStorageSync', 'setStorageSync', 'removeStorageSync', 'getStorage', 'setStorage',
  'removeStorage', 'onAppShow', 'onAppHide', 'offAppShow', 'offAppHide', 'getLaunchOptionsSync',
  'getEnterOptionsSync', 'requestSubscribeMessage', 'getSystemInfoSync', 'getNetworkType', 'onNetworkStatusChange'] };
