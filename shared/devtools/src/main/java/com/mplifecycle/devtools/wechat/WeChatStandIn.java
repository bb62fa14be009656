package com.mplifecycle.devtools.wechat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import com.sun.net.httpserver.HttpServer;

/**
 * A local WeChat server for tests and the local runtime: the wire format of {@code jscode2session},
 * {@code stable_token} and {@code subscribe/send} on a loopback port, with WeChat's errcodes, a
 * controllable clock, one-time subscription credits and injectable faults.
 *
 * <p>Behaviour: a login code works once (40163 after; codes starting {@code invalid} give 40029) and
 * its openid is {@link #openIdFor derived} from AppID and code. A stable token lives 7200 s on the
 * stand-in's clock, rotates in its last 5 minutes (old and new both valid until the old expires), and
 * {@code force_refresh} revokes it at once. A send checks token (40001/42001), template (40037),
 * envelope and keyword values (47003, via {@code SubscribeMessageRules}) and credits (43101); success
 * spends a credit. Apps and templates are free-form until one is registered.
 *
 * <p>Fault JSON, for {@link #injectFaultJson}: an object with {@code api} (one of
 * {@code "jscode2session"}, {@code "stable_token"}, {@code "subscribe_send"}, {@code "any"}), an optional
 * {@code count} (calls it answers, default 1) and exactly one of:
 * <ul>
 *   <li>{@code errcode} (non-zero; optional {@code errmsg}): HTTP 200 with that errcode body, e.g.
 *       {@code {"api":"subscribe_send","errcode":45009,"count":2}};</li>
 *   <li>{@code httpStatus} (200–599): that status with an HTML body, e.g.
 *       {@code {"api":"any","httpStatus":500,"count":1}};</li>
 *   <li>{@code delayMs} (positive): wait, then answer normally, e.g.
 *       {@code {"api":"stable_token","delayMs":3000,"count":1}}.</li>
 * </ul>
 * Faults apply in the order given; each call uses at most one. Unknown fields are refused.
 *
 * <p>A call is recorded once answered, so a delayed call shows up after its delay.
 *
 * <p>Thread-safe. Not for production: it accepts anything from any local caller.
 */
public final class WeChatStandIn implements AutoCloseable {
    /** API name of {@code GET /sns/jscode2session}. */
    public static final String CODE2SESSION = "jscode2session";
    /** API name of {@code POST /cgi-bin/stable_token}. */
    public static final String STABLE_TOKEN = "stable_token";
    /** API name of {@code POST /cgi-bin/message/subscribe/send}. */
    public static final String SUBSCRIBE_SEND = "subscribe_send";

    private final HttpServer server;
    private final ExecutorService threads;
    private final AppCredentials apps = new AppCredentials();
    private final ActiveFaults faults = new ActiveFaults();
    private final CallLog log = new CallLog();
    /** Calls received and not yet answered (a call is recorded once answered, so after an injected delay). */
    private final AtomicInteger inFlight = new AtomicInteger();
    private final SubscribeSendApi subscribeSend;

    private WeChatStandIn(Supplier<Instant> clock, int port) {
        StableTokenApi stableToken = new StableTokenApi(apps, clock);
        this.subscribeSend = new SubscribeSendApi(stableToken);
        try {
            this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on 127.0.0.1:" + port, e);
        }
        // a thread per call, so an injected delay holds up only its own caller
        this.threads = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "wechat-stand-in");
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(threads);
        StandInRouter router = new StandInRouter(clock, faults, log, new Code2SessionApi(apps), stableToken,
                subscribeSend);
        server.createContext("/", exchange -> {
            inFlight.incrementAndGet();
            try {
                router.handle(exchange);
            } finally {
                inFlight.decrementAndGet();
            }
        });
        server.start();
    }

    /**
     * Waits until no call is being answered (an injected delay outlives its caller's timeout), so that
     * what was received is all recorded; false after {@code timeout}.
     */
    public boolean awaitIdle(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (inFlight.get() > 0) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(20);
        }
        return true;
    }

    /** Starts on a free port with the system clock. */
    public static WeChatStandIn start() {
        return start(Clock.systemUTC());
    }

    /** Starts on a free port with the given clock. */
    public static WeChatStandIn start(Clock clock) {
        return start(clock::instant, 0);
    }

    /**
     * Starts a stand-in.
     *
     * @param clock the stand-in's time, e.g. a test's {@code AtomicReference<Instant>::get}
     * @param port the port, or 0 for a free one
     */
    public static WeChatStandIn start(Supplier<Instant> clock, int port) {
        return new WeChatStandIn(Objects.requireNonNull(clock, "clock"), port);
    }

    /** Where to point a client instead of {@code https://api.weixin.qq.com}; no trailing slash. */
    public URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** After this, only this app (and others registered) may log in or get tokens. */
    public void registerApp(String wechatAppId, String secret) {
        apps.register(wechatAppId, secret);
    }

    /** After this, sends with template ids never registered get 40037. */
    public void registerTemplate(String templateId) {
        subscribeSend.registerTemplate(templateId);
    }

    /** What an 'accept' in {@code wx.requestSubscribeMessage} does on WeChat's side: one more send allowed. */
    public void acceptSubscription(String openid, String templateId) {
        subscribeSend.acceptSubscription(openid, templateId, 1);
    }

    /**
     * The user turned this template's messages off in WeChat's settings: every send answers 43101 from
     * now on, whatever was accepted (a way for WeChat and the backend to disagree).
     */
    public void switchOff(String openid, String templateId) {
        subscribeSend.switchOff(openid, templateId);
    }

    /** Sends this user can still receive for this template. */
    public int credits(String openid, String templateId) {
        return subscribeSend.credits(openid, templateId);
    }

    /** On by default; off lets every otherwise valid send through and spends nothing it does not have. */
    public void enforceCredits(boolean enforce) {
        subscribeSend.enforceCredits(enforce);
    }

    /** The openid that a login with this code gets; the code's part after {@code ~} is ignored. */
    public static String openIdFor(String wechatAppId, String code) {
        return Code2SessionApi.openIdFor(wechatAppId, code);
    }

    public void injectFault(Fault fault) {
        faults.add(Objects.requireNonNull(fault, "fault"));
    }

    public void clearFaults() {
        faults.clear();
    }

    /** Every subscribe send received, sent or not, oldest first. */
    public List<ReceivedMessage> messages() {
        return log.messages(Optional.empty());
    }

    /** The subscribe sends received, for one openid when given, oldest first. */
    public List<ReceivedMessage> messages(Optional<String> touser) {
        return log.messages(touser);
    }

    /** Every request received, oldest first, with secrets redacted. */
    public List<RecordedCall> recordedCalls() {
        return log.calls();
    }

    /** How many calls of this API arrived, faulted ones included. */
    public int calls(String api) {
        return log.count(api);
    }

    /** {@link #messages(Optional)} as {@code {"messages":[{touser, template_id, data:{k:{value}}, errcode, ...}]}}. */
    public String messagesJson(Optional<String> touser) {
        return StandInJson.messages(messages(touser));
    }

    /**
     * Applies a fault given in the JSON form described above.
     *
     * @return the fault applied, as JSON with defaults filled in
     * @throws IllegalArgumentException when the JSON is not a valid fault, saying why
     */
    public String injectFaultJson(String json) {
        Fault fault = Fault.fromJson(json);
        injectFault(fault);
        return fault.toJson();
    }

    /**
     * {@link #acceptSubscription} from {@code {"openid":"o...","template_id":"T1","count":1}} (count optional).
     *
     * @return {@code {"openid","template_id","credits"}} after the change
     * @throws IllegalArgumentException when the JSON lacks openid or template_id, or count is below 1
     */
    public String acceptSubscriptionJson(String json) {
        StandInJson.Acceptance acceptance = StandInJson.acceptance(json);
        subscribeSend.acceptSubscription(acceptance.openid(), acceptance.templateId(), acceptance.count());
        return StandInJson.credits(acceptance.openid(), acceptance.templateId(),
                credits(acceptance.openid(), acceptance.templateId()));
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
