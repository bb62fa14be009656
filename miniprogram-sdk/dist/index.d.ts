/**
 * The mini-program client of the customer lifecycle backend: the App and Page hooks, wx.login →
 * /v1/session, a queue that survives the app being killed, batching within the API's limits and
 * retries that never count an event twice (every event keeps its eventId).
 *
 * Written to ES5 plus Promise (the base library's JS engines); no runtime dependency.
 */
/** The event types of the backend's one event schema (docs/openapi.yaml). */
export type EventType = 'app_launch' | 'app_show' | 'app_hide' | 'page_view' | 'page_leave' | 'add_to_cart' | 'checkout_start' | 'order_paid' | 'order_refunded' | 'check_in' | 'share' | 'feedback' | 'subscribe_result' | 'profile_update';
export type PropValue = string | number | boolean | null | PropValue[] | {
    [key: string]: PropValue;
};
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
    droppedReasons: {
        [reason: string]: number;
    };
}
/** wx.requestSubscribeMessage's result: errMsg and one of accept, reject, ban, filter per template id. */
export interface SubscribeResult {
    errMsg: string;
    [templateId: string]: string;
}
declare function track(type: EventType, props?: EventProps): string;
declare function init(options: InitOptions): void;
/**
 * Page options with page_view on show and page_leave (dwellMs) on hide and unload; the page's own
 * handlers run and their results are returned. onShareAppMessage is wrapped only where the page
 * defines one, so the share menu stays as the page chose.
 */
declare function page<T extends object>(options: T): T;
/** wx.requestSubscribeMessage; tracks one subscribe_result (the user's choice per template) and sends it. */
declare function requestSubscribe(tmplIds: string[]): Promise<SubscribeResult>;
/** Sends what is queued now; resolves once all of it is accepted (or dropped) or a send failed. */
declare function flush(): Promise<Status>;
declare function status(): Status;
export { init, track, page, requestSubscribe, flush, status };
