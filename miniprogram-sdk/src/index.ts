/**
 * The mini-program client of the customer lifecycle backend: the App and Page hooks, wx.login →
 * /v1/session, a queue that survives the app being killed, batching within the API's limits and
 * retries that never count an event twice (every event keeps its eventId).
 *
 * Written to ES5 plus Promise (the base library's JS engines); no runtime dependency.
 */

/** The event types of the backend's one event schema (docs/openapi.yaml). */
export type EventType =
    | 'app_launch' | 'app_show' | 'app_hide' | 'page_view' | 'page_leave' | 'add_to_cart' | 'checkout_start'
    | 'order_paid' | 'order_refunded' | 'check_in' | 'share' | 'feedback' | 'subscribe_result' | 'profile_update';

export type PropValue = string | number | boolean | null | PropValue[] | { [key: string]: PropValue };
export interface EventProps {
    [key: string]: PropValue;
}

export interface InitOptions {
    /** The app id the backend knows (not the wx… AppID). */
    appId: string;
    /** The API's base URL, e.g. https://api.example.com/prod (a request domain of the mini-program). */
    apiBase: string;
    /** app_launch, app_show, app_hide and the page events of clm.page (default true). */
    autoTrack?: boolean;
    /** How often queued events are sent (default 5000). */
    flushIntervalMs?: number;
    /** Most events per request, 1–100 (default 20). */
    maxBatchEvents?: number;
    /** Logs what the SDK does with console.log (default false). */
    debug?: boolean;
}

export interface Status {
    /** Events waiting for the server's answer (in flight included). */
    queued: number;
    /** Events the server accepted. */
    sent: number;
    /** Events given up: rejected by the server, or pushed out of a full queue. */
    dropped: number;
    /** Requests in flight (at most 2). */
    inFlight: number;
    /** The last failure, or null. */
    lastError: string | null;
    /** Dropped events per reason (the server's rejection reason, `queue_full`, `too_large`, `http_400`). */
    droppedReasons: { [reason: string]: number };
}

/** wx.requestSubscribeMessage's result: errMsg and one of accept, reject, ban, filter per template id. */
export interface SubscribeResult {
    errMsg: string;
    [templateId: string]: string;
}

interface QueuedEvent {
    eventId: string;
    type: string;
    ts: number;
    props: EventProps;
}

interface Item {
    e: QueuedEvent;
    /** UTF-8 bytes of the event's JSON plus its separator. */
    s: number;
    /** In flight. */
    f: boolean;
}

interface Token {
    t: string;
    /** Expiry, device epoch ms. */
    x: number;
}

interface Meta {
    g: number;
    n: number;
}

interface Waiter {
    ids: { [eventId: string]: boolean };
    n: number;
    r: (s: Status) => void;
}

interface PageInstance {
    route?: string;
    /** The page's own query (what onLoad received). */
    options?: { [key: string]: string };
    __clmShownAt?: number;
}

type Callback = (this: PageInstance, ...args: unknown[]) => unknown;

type Answer = (status: number, data: unknown, retryAfterMs: number, err?: string) => void;

// The API's limits: 100 events and 256 KiB a request.
const MAX_EVENTS = 100;
const MAX_BODY = 256 * 1024;
const ENVELOPE = 13; // {"events":[ ... ]}
// The queue: at most 1,000 events or 512 KiB, stored in chunks of at most 256 KiB (a key holds 1 MB).
const MAX_QUEUE = 1000;
const MAX_QUEUE_BYTES = 512 * 1024;
const CHUNK_BYTES = 256 * 1024;
const SAVE_DELAY = 1000;
const JOURNAL_MAX = 100;
const MAX_IN_FLIGHT = 2;
const BACKOFF_MIN = 5000;
const BACKOFF_MAX = 300000;
const REQUEST_TIMEOUT = 10000;
const TOKEN_MARGIN = 300000;
const DAY = 86400000;
const K_META = 'clm_m';
const K_JOURNAL = 'clm_j';
const K_TOKEN = 'clm_t';
/** The query parameter that carries a share id to the shared page. */
const SHARE_PARAM = 'clm_s';

let cfg: Required<InitOptions> | null = null;
let queue: Item[] = [];
let queueBytes = 0;
/** Events tracked since the queue's chunks were last written: stored synchronously, one small key. */
let journal: QueuedEvent[] = [];
let gen = 0;
let chunks = 0;
let saving = false;
let saveAgain = false;
let saveTimer: number | 0 = 0;
let retryTimer: number | 0 = 0;
let lastTs = 0;
let sent = 0;
let dropped = 0;
let inFlight = 0;
let lastError: string | null = null;
const reasons: { [reason: string]: number } = {};
let token: Token | null = null;
let logins: Array<(t: string | null, err?: string) => void> | null = null;
let retryAt = 0;
let failures = 0;
let batchCap = 20;
let hidden = false;
let online = true;
let shownAt = 0;
let waiters: Waiter[] = [];
/** The share id of the last launch or show that opened a share (see entry). */
let lastShareOpened = '';

function log(msg: string): void {
    if (cfg && cfg.debug) {
        console.log('[clm] ' + msg);
    }
}

function fail(msg: string): void {
    lastError = msg;
    log(msg);
}

function utf8Bytes(s: string): number {
    let n = s.length;
    for (let i = 0; i < s.length; i++) {
        const c = s.charCodeAt(i);
        // 2 bytes below 0x800, 3 above; a surrogate pair is 4 bytes for 2 units.
        n += c < 0x80 ? 0 : c < 0x800 || (c >= 0xd800 && c < 0xe000) ? 1 : 2;
    }
    return n;
}

function uuid(): string {
    return 'xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx'.replace(/[xy]/g, function (c) {
        const r = (Math.random() * 16) | 0;
        return (c === 'x' ? r : (r & 3) | 8).toString(16);
    });
}

function isArray(v: unknown): v is unknown[] {
    return Object.prototype.toString.call(v) === '[object Array]';
}

// ---- storage: never throws into the merchant's code ----

function readSync(key: string): unknown {
    try {
        return wx.getStorageSync(key);
    } catch (e) {
        fail('storage: ' + errMsg(e));
        return '';
    }
}

function writeSync(key: string, value: unknown): boolean {
    try {
        wx.setStorageSync(key, value);
        return true;
    } catch (e) {
        fail('storage: ' + errMsg(e));
        return false;
    }
}

function errMsg(e: unknown): string {
    return e && typeof e === 'object' && 'errMsg' in e ? String((e as { errMsg: unknown }).errMsg)
        : e instanceof Error ? e.message : String(e);
}

function chunkKey(g: number, i: number): string {
    return 'clm_q' + g + '_' + i;
}

function drop(reason: string, n: number): void {
    if (n > 0) {
        dropped += n;
        reasons[reason] = (reasons[reason] || 0) + n;
        log('dropped ' + n + ': ' + reason);
    }
}

function enqueue(e: QueuedEvent, seen: { [id: string]: boolean }): boolean {
    if (seen[e.eventId]) {
        return false;
    }
    const s = utf8Bytes(JSON.stringify(e)) + 1;
    if (s > MAX_BODY - ENVELOPE) {
        drop('too_large', 1);
        return false;
    }
    seen[e.eventId] = true;
    queue.push({ e: e, s: s, f: false });
    queueBytes += s;
    if (e.ts > lastTs) {
        lastTs = e.ts;
    }
    // Past the cap the oldest go first (those in flight wait for their answer).
    for (let i = 0; (queue.length > MAX_QUEUE || queueBytes > MAX_QUEUE_BYTES) && i < queue.length;) {
        const it = queue[i];
        if (it.f) {
            i++;
        } else {
            queue.splice(i, 1);
            queueBytes -= it.s;
            drop('queue_full', 1);
            settle([it.e.eventId]);
        }
    }
    return true;
}

/** The queue as the last run left it: the chunks of the last complete write plus the journal. */
function load(): void {
    const seen: { [id: string]: boolean } = {};
    const meta = readSync(K_META) as Meta | '';
    if (meta && typeof meta.g === 'number') {
        gen = meta.g;
        chunks = meta.n;
        for (let i = 0; i < chunks; i++) {
            const c = readSync(chunkKey(gen, i));
            if (isArray(c)) {
                for (let j = 0; j < c.length; j++) {
                    enqueue(c[j] as QueuedEvent, seen);
                }
            }
        }
    }
    const j = readSync(K_JOURNAL);
    if (isArray(j)) {
        journal = j as QueuedEvent[];
        for (let i = 0; i < journal.length; i++) {
            enqueue(journal[i], seen);
        }
    }
    const t = readSync(K_TOKEN) as Token | '';
    token = t && typeof t.t === 'string' ? t : null;
}

function scheduleSave(): void {
    if (journal.length >= JOURNAL_MAX) {
        save();
    } else if (!saveTimer) {
        saveTimer = setTimeout(save, SAVE_DELAY);
    }
}

/**
 * Writes the whole queue under a new generation of keys, then the meta that names it, then drops
 * the old generation and the journal's events it now holds: a kill at any point leaves one
 * complete generation plus the journal, so no event is lost (at worst one is sent again, with its
 * eventId, and the server counts it once).
 */
function save(): void {
    if (saveTimer) {
        clearTimeout(saveTimer);
        saveTimer = 0;
    }
    if (saving) {
        saveAgain = true;
        return;
    }
    saving = true;
    const inJournal = journal.length;
    const parts: QueuedEvent[][] = [];
    let part: QueuedEvent[] = [];
    let bytes = 0;
    for (let i = 0; i < queue.length; i++) {
        if (bytes + queue[i].s > CHUNK_BYTES) {
            parts.push(part);
            part = [];
            bytes = 0;
        }
        part.push(queue[i].e);
        bytes += queue[i].s;
    }
    if (part.length) {
        parts.push(part);
    }
    const g = gen + 1;
    const done = function (err?: string) {
        saving = false;
        if (err) {
            fail('storage: ' + err);
        } else {
            for (let i = 0; i < chunks; i++) {
                wx.removeStorage({ key: chunkKey(gen, i), fail: noop });
            }
            gen = g;
            chunks = parts.length;
            journal.splice(0, inJournal);
            writeSync(K_JOURNAL, journal);
        }
        if (saveAgain) {
            saveAgain = false;
            scheduleSave();
        }
    };
    const write = function (i: number) {
        const last = i === parts.length;
        wx.setStorage({
            key: last ? K_META : chunkKey(g, i),
            data: last ? { g: g, n: parts.length } : parts[i],
            success: function () {
                if (last) {
                    done();
                } else {
                    write(i + 1);
                }
            },
            fail: function (e) {
                done(errMsg(e));
            }
        });
    };
    write(0);
}

function noop(): void {
    // nothing to do: a failed clean-up leaves a key the next generation overwrites
}

// ---- tracking ----

function track(type: EventType, props?: EventProps): string {
    if (!cfg) {
        return '';
    }
    const now = Date.now();
    // Monotonic within the queue even when the device clock steps back.
    lastTs = now > lastTs ? now : lastTs;
    const e: QueuedEvent = { eventId: uuid(), type: type, ts: lastTs, props: props || {} };
    if (enqueue(e, {})) {
        journal.push(e);
        writeSync(K_JOURNAL, journal);
        scheduleSave();
        log('track ' + type + ' ' + e.eventId);
        // While hidden no timer runs: whatever is tracked then goes at once.
        pump(hidden);
    }
    return e.eventId;
}

// ---- sending ----

function settle(ids: string[] | null): void {
    const s = status();
    waiters = waiters.filter(function (w) {
        if (ids) {
            for (let i = 0; i < ids.length; i++) {
                if (w.ids[ids[i]]) {
                    w.ids[ids[i]] = false;
                    w.n--;
                }
            }
        }
        if (!ids || w.n <= 0) {
            w.r(s);
            return false;
        }
        return true;
    });
}

function blocked(): boolean {
    return !cfg || !online || Date.now() < retryAt;
}

/** Sends batches while fewer than 2 requests are in flight: full ones, or any when forced. */
function pump(force: boolean): void {
    while (!blocked() && inFlight < MAX_IN_FLIGHT) {
        const batch: Item[] = [];
        let bytes = ENVELOPE;
        for (let i = 0; i < queue.length && batch.length < batchCap; i++) {
            const it = queue[i];
            if (!it.f) {
                if (bytes + it.s > MAX_BODY) {
                    break;
                }
                batch.push(it);
                bytes += it.s;
            }
        }
        if (!batch.length || (!force && batch.length < batchCap && bytes + 1024 < MAX_BODY)) {
            return;
        }
        send(batch, false);
    }
}

function post(path: string, body: string, auth: string | null, answer: Answer): void {
    request('POST', path, body, auth, answer);
}

function request(method: 'GET' | 'POST', path: string, body: string | undefined, auth: string | null,
                 answer: Answer): void {
    const header: { [name: string]: string } = { 'content-type': 'application/json' };
    if (auth) {
        header.Authorization = 'Bearer ' + auth;
    }
    wx.request({
        url: cfg!.apiBase + path,
        method: method,
        data: body,
        header: header,
        timeout: REQUEST_TIMEOUT,
        success: function (r) {
            const h = (r.header || {}) as { [name: string]: string };
            const ra = parseInt(h['Retry-After'] || h['retry-after'], 10);
            answer(r.statusCode, r.data, ra > 0 ? ra * 1000 : 0);
        },
        fail: function (e) {
            answer(0, null, 0, e.errMsg);
        }
    });
}

/**
 * Calls back with a session token, synchronously when the stored one is valid for 5 more minutes
 * (unless `renew`: then it logs in anyway).
 */
function withToken(cb: (t: string | null, err?: string) => void, renew?: boolean): void {
    if (!renew && token && token.x - TOKEN_MARGIN > Date.now()) {
        cb(token.t);
        return;
    }
    if (logins) {
        logins.push(cb);
        return;
    }
    logins = [cb];
    const finish = function (t: string | null, err?: string) {
        const l = logins || [];
        logins = null;
        for (let i = 0; i < l.length; i++) {
            l[i](t, err);
        }
    };
    wx.login({
        success: function (r) {
            post('/v1/session', JSON.stringify({ appId: cfg!.appId, code: r.code }), null,
                function (status, data, ra, err) {
                    const d = data as { token?: string; expiresIn?: number } | null;
                    if (status === 200 && d && d.token) {
                        token = { t: d.token, x: Date.now() + (d.expiresIn || 7200) * 1000 };
                        writeSync(K_TOKEN, token);
                        log('logged in');
                        finish(token.t);
                    } else {
                        backoff('session: ' + (err || 'HTTP ' + status), ra);
                        finish(null, 'session');
                    }
                });
        },
        fail: function (e) {
            backoff('login: ' + e.errMsg, 0);
            finish(null, 'login');
        }
    });
}

function backoff(msg: string, retryAfterMs: number): void {
    failures++;
    // 5 s doubling, plus up to half again at random; near the cap, 75–100 % of 5 minutes.
    const r = Math.random();
    let d = Math.min(BACKOFF_MIN * Math.pow(2, Math.min(failures, 20) - 1) * (1 + r / 2), BACKOFF_MAX * (0.75 + r / 4));
    d = Math.max(d, retryAfterMs);
    retryAt = Date.now() + d;
    fail(msg + '; retry in ' + Math.round(d / 1000) + ' s');
    if (retryTimer) {
        clearTimeout(retryTimer);
    }
    retryTimer = setTimeout(function () {
        retryTimer = 0;
        pump(true);
    }, d);
    settle(null);
}

function send(batch: Item[], reauthorised: boolean): void {
    for (let i = 0; i < batch.length; i++) {
        batch[i].f = true;
    }
    inFlight++;
    const release = function () {
        inFlight--;
        for (let i = 0; i < batch.length; i++) {
            batch[i].f = false;
        }
    };
    withToken(function (t) {
        if (!t) {
            release();
            return;
        }
        const events: string[] = [];
        for (let i = 0; i < batch.length; i++) {
            events.push(JSON.stringify(batch[i].e));
        }
        post('/v1/events', '{"events":[' + events.join(',') + ']}', t, function (status, data, ra, err) {
            release();
            const rejected = data && typeof data === 'object' && isArray((data as { rejected?: unknown }).rejected)
                ? (data as { rejected: Array<{ index?: number; reason?: string }> }).rejected : null;
            if (status === 401 && !reauthorised) {
                // The token expired or the signing key changed: log in again once and resend.
                token = null;
                send(batch, true);
            } else if (status === 202 || (status === 400 && rejected)) {
                const gone: string[] = [];
                for (let i = 0; i < batch.length; i++) {
                    gone.push(batch[i].e.eventId);
                }
                const rej = rejected || [];
                for (let i = 0; i < rej.length; i++) {
                    drop(String(rej[i].reason || 'rejected'), 1);
                }
                sent += batch.length - rej.length;
                finishBatch(batch, gone);
                failures = 0;
                log('sent ' + (batch.length - rej.length) + ', rejected ' + rej.length);
                pump(true);
            } else if (status === 400 || (status === 413 && batch.length === 1)) {
                drop(status === 400 ? 'http_400' : 'too_large', batch.length);
                finishBatch(batch, []);
                pump(true);
            } else if (status === 413) {
                batchCap = Math.max(1, batch.length >> 1);
                pump(true);
            } else if (err && err.indexOf('interrupted') >= 0) {
                // WeChat cut the request 5 s after hide: sent again on show, no backoff.
                fail(err);
                settle(null);
            } else {
                backoff(err || 'HTTP ' + status, ra);
            }
        });
    });
}

function finishBatch(batch: Item[], ids: string[]): void {
    const done: { [id: string]: boolean } = {};
    for (let i = 0; i < batch.length; i++) {
        done[batch[i].e.eventId] = true;
        ids.push(batch[i].e.eventId);
    }
    queue = queue.filter(function (it) {
        if (done[it.e.eventId]) {
            queueBytes -= it.s;
            return false;
        }
        return true;
    });
    scheduleSave();
    settle(ids);
}

function tick(): void {
    setTimeout(tick, cfg!.flushIntervalMs);
    pump(true);
}

// ---- public API ----

function init(options: InitOptions): void {
    if (cfg) {
        log('init called again: ignored');
        return;
    }
    if (!options || !options.appId || !options.apiBase) {
        // A developer's mistake, found at the first run: say so rather than track into nowhere.
        throw new Error('clm.init needs appId and apiBase');
    }
    const max = options.maxBatchEvents || 20;
    cfg = {
        appId: options.appId,
        apiBase: String(options.apiBase).replace(/\/+$/, ''),
        autoTrack: options.autoTrack !== false,
        flushIntervalMs: options.flushIntervalMs || 5000,
        maxBatchEvents: max < 1 ? 1 : max > MAX_EVENTS ? MAX_EVENTS : max,
        debug: !!options.debug
    };
    batchCap = cfg.maxBatchEvents;
    shownAt = Date.now();
    load();
    try {
        wx.getNetworkType({
            success: function (r) {
                online = r.networkType !== 'none';
            }
        });
        wx.onNetworkStatusChange(function (r) {
            online = r.isConnected;
            if (online) {
                retryAt = 0;
                pump(true);
            }
        });
        wx.onAppShow(function (r) {
            hidden = false;
            shownAt = Date.now();
            // Renewed now rather than at hide, where only a request started at once gets out.
            if (token && token.x - 2 * TOKEN_MARGIN < shownAt && !blocked()) {
                withToken(noop, true);
            }
            if (cfg!.autoTrack) {
                track('app_show', entry(r, false));
            }
            pump(true);
        });
        wx.onAppHide(function () {
            if (cfg!.autoTrack) {
                track('app_hide', { durationMs: Math.max(0, Date.now() - shownAt) });
            }
            hidden = true;
            // No timer runs after hide (iOS freezes them): the request starts here.
            pump(true);
            save();
        });
        if (cfg.autoTrack) {
            track('app_launch', entry(wx.getLaunchOptionsSync(), true));
        }
    } catch (e) {
        fail('init: ' + errMsg(e));
    }
    setTimeout(tick, cfg.flushIntervalMs);
    pump(false);
}

/**
 * The props of app_launch (scene, path, the query's non-empty parameters) or app_show (scene; path
 * and query only when it opens a share other than the last one opened: a cold start's show repeats
 * its launch's query, which must not count as a second open).
 */
function entry(o: { scene: number; path?: string; query?: { [key: string]: string } }, launch: boolean): EventProps {
    const props: EventProps = { scene: o.scene };
    const query = o.query || {};
    const share = query[SHARE_PARAM] || '';
    if (!launch && (!share || share === lastShareOpened)) {
        return props;
    }
    lastShareOpened = share || lastShareOpened;
    if (o.path) {
        props.path = o.path;
    }
    const q: EventProps = {};
    let any = false;
    for (const k in query) {
        if (query[k]) {
            q[k] = query[k];
            any = true;
        }
    }
    if (any) {
        props.query = q;
    }
    return props;
}

function wrap(options: { [name: string]: unknown }, name: string, before: (this: PageInstance) => void): void {
    const own = options[name] as Callback | undefined;
    options[name] = function (this: PageInstance) {
        try {
            before.call(this);
        } catch (e) {
            fail(name + ': ' + errMsg(e));
        }
        return typeof own === 'function' ? own.apply(this, arguments as unknown as unknown[]) : undefined;
    };
}

function leave(this: PageInstance): void {
    if (this.__clmShownAt && cfg && cfg.autoTrack) {
        track('page_leave', { path: this.route || '', dwellMs: Math.min(DAY, Math.max(0, Date.now() - this.__clmShownAt)) });
    }
    this.__clmShownAt = 0;
}

/**
 * Page options with page_view on show and page_leave (dwellMs) on hide and unload; the page's own
 * handlers run and their results are returned. onShareAppMessage is wrapped only where the page
 * defines one, so the share menu stays as the page chose.
 */
function page<T extends object>(options: T): T {
    const o = options as unknown as { [name: string]: unknown };
    wrap(o, 'onShow', function () {
        this.__clmShownAt = Date.now();
        if (cfg && cfg.autoTrack) {
            track('page_view', { path: this.route || '' });
        }
    });
    wrap(o, 'onHide', leave);
    wrap(o, 'onUnload', leave);
    const share = o.onShareAppMessage as Callback | undefined;
    if (typeof share === 'function') {
        o.onShareAppMessage = function (this: PageInstance, res?: { from?: string }) {
            const id = uuid();
            let tracked = false;
            try {
                if (cfg && cfg.autoTrack) {
                    track('share', { path: this.route || '', target: (res && res.from) || 'menu', shareId: id });
                    tracked = true;
                    // sent now: an open of the share counts only once the server knows whose share it is
                    pump(true);
                }
            } catch (e) {
                fail('share: ' + errMsg(e));
            }
            const given = share.apply(this, arguments as unknown as unknown[]);
            return tracked ? sharedContent(given, this, id) : given;
        };
    }
    return options;
}

/**
 * The share content with clm_s=<id> appended to its path (the page's own query kept, a clm_s it
 * had replaced); without a path, the page's path and query, as WeChat would share. A promise, or the
 * promise field of the content, resolves to content treated the same way.
 */
function sharedContent(given: unknown, p: PageInstance, id: string, fallback?: string): unknown {
    if (given && typeof (given as PromiseLike<unknown>).then === 'function') {
        return (given as PromiseLike<unknown>).then(function (c) {
            return sharedContent(c, p, id, fallback);
        });
    }
    const content: { [key: string]: unknown } = {};
    const g = given && typeof given === 'object' ? (given as { [key: string]: unknown }) : {};
    for (const k in g) {
        content[k] = g[k];
    }
    let path = typeof content.path === 'string' ? content.path : fallback || '';
    if (!path) {
        const q: string[] = [];
        const own = p.options || {};
        for (const k in own) {
            q.push(k + '=' + own[k]);
        }
        path = '/' + (p.route || '') + (q.length ? '?' + q.join('&') : '');
    }
    const at = path.indexOf('?');
    const kept = at < 0 ? [] : path.substring(at + 1).split('&').filter(function (kv) {
        return kv && kv.split('=')[0] !== SHARE_PARAM;
    });
    kept.push(SHARE_PARAM + '=' + id);
    content.path = (at < 0 ? path : path.substring(0, at)) + '?' + kept.join('&');
    if (content.promise && typeof (content.promise as PromiseLike<unknown>).then === 'function') {
        content.promise = sharedContent(content.promise, p, id, content.path as string);
    }
    return content;
}

/** wx.requestSubscribeMessage; tracks one subscribe_result (the user's choice per template) and sends it. */
function requestSubscribe(tmplIds: string[]): Promise<SubscribeResult> {
    return new Promise<SubscribeResult>(function (resolve, reject) {
        wx.requestSubscribeMessage({
            tmplIds: tmplIds,
            success: function (r) {
                const res = r as unknown as SubscribeResult;
                const results: EventProps = {};
                let any = false;
                for (let i = 0; i < tmplIds.length; i++) {
                    const v = res[tmplIds[i]];
                    if (v === 'accept' || v === 'reject' || v === 'ban' || v === 'filter') {
                        results[tmplIds[i]] = v;
                        any = true;
                    }
                }
                if (any) {
                    track('subscribe_result', { results: results });
                    pump(true);
                }
                resolve(res);
            },
            fail: reject
        });
    });
}

/** Sends what is queued now; resolves once all of it is accepted (or dropped) or a send failed. */
function flush(): Promise<Status> {
    return new Promise<Status>(function (resolve) {
        const w: Waiter = { ids: {}, n: 0, r: resolve };
        for (let i = 0; i < queue.length; i++) {
            w.ids[queue[i].e.eventId] = true;
            w.n++;
        }
        if (!w.n || blocked()) {
            resolve(status());
            return;
        }
        waiters.push(w);
        pump(true);
    });
}

function status(): Status {
    const r: { [reason: string]: number } = {};
    for (const k in reasons) {
        r[k] = reasons[k];
    }
    return { queued: queue.length, sent: sent, dropped: dropped, inFlight: inFlight, lastError: lastError, droppedReasons: r };
}

/** The customer's own loyalty API with the session token: the answer's body, or a rejection {status, error}. */
function me_(method: 'GET' | 'POST', path: string, body?: object): Promise<unknown> {
    return new Promise<unknown>(function (resolve, reject) {
        if (!cfg) {
            reject({ status: 0, error: 'call clm.init first' });
            return;
        }
        withToken(function (t, err) {
            if (!t) {
                reject({ status: 0, error: err || 'login' });
                return;
            }
            request(method, path, body ? JSON.stringify(body) : undefined, t, function (status, data, _ra, e) {
                if (status >= 200 && status < 300) {
                    resolve(data);
                    return;
                }
                if (status === 401) {
                    token = null; // expired or revoked: the next call logs in again
                }
                const d = data as { error?: string } | null;
                reject({ status: status, error: e || (d && d.error) || 'HTTP ' + status });
            });
        });
    });
}

/** GET /v1/me: stage, points (balance, next expiries), level, check-in streak, credits. */
function me(): Promise<unknown> {
    return me_('GET', '/v1/me');
}

/** POST /v1/me/check-ins: today by default; {makeUp: true, date: 'yyyy-MM-dd'} makes up a missed day for points. */
function checkIn(options?: { date?: string; makeUp?: boolean }): Promise<unknown> {
    return me_('POST', '/v1/me/check-ins', options || {});
}

/** POST /v1/me/redemptions: idempotent by requestId (give the same one to retry the same redemption). */
function redeem(rewardId: string, requestId?: string): Promise<unknown> {
    return me_('POST', '/v1/me/redemptions', { rewardId: rewardId, requestId: requestId || uuid() });
}

export { init, track, page, requestSubscribe, flush, status, me, checkIn, redeem };
