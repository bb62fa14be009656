package com.mplifecycle.aws.secrets;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import com.mplifecycle.aws.config.FunctionEnv;
import com.mplifecycle.aws.json.PlainJson;
import com.mplifecycle.aws.log.JsonLogger;

import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * The deployment's secrets: the session-token signing key and each app's WeChat credentials.
 * One JSON document, kept in Secrets Manager in the cloud (or given directly to tests):
 * {@code {"tokenSigningKey":"<at least 32 characters>","apps":{"<appId>":{"wechatAppId":"wx…","appSecret":"…"}}}}.
 *
 * <p>Read at construction, then again when the copy is older than {@link #MAX_AGE}, and at once when
 * an app is asked for that the copy lacks (at most once per {@link #MISS_READ_INTERVAL}, so requests
 * for unknown apps cannot flood Secrets Manager). So an app added to the secret, or a rotated key,
 * reaches running instances, and instances restored from a SnapStart snapshot, within minutes and
 * without a redeploy. A read that fails or finds an invalid document keeps the last good copy and is
 * tried again after {@link #MISS_READ_INTERVAL}. Thread-safe.
 */
public final class Secrets {
    static final int MIN_KEY_LENGTH = 32;
    /** The oldest copy of the document that is used. */
    public static final Duration MAX_AGE = Duration.ofMinutes(5);
    /** Reads for an unknown app, and after a failed read, at most once per this. */
    public static final Duration MISS_READ_INTERVAL = Duration.ofSeconds(10);

    private final Supplier<String> source;
    private final Clock clock;
    private final JsonLogger log;
    private final Object lock = new Object();
    private volatile Document current;
    /** When the copy is read again: read time + MAX_AGE, or sooner after a failed read. */
    private volatile Instant staleAt;
    private Instant nextMissRead = Instant.MIN;

    private Secrets(Supplier<String> source, Clock clock) {
        this.source = source;
        this.clock = clock;
        this.log = new JsonLogger("secrets", clock);
        Instant now = clock.instant();
        this.current = parse(source.get());
        this.staleAt = now.plus(MAX_AGE);
    }

    /**
     * The secret {@code SECRETS_ARN} in Secrets Manager (a client kept for the re-reads), or the
     * document {@code LOCAL_SECRETS_JSON} itself (tests and benchmarks) if that is set.
     */
    public static Secrets load(FunctionEnv env, Supplier<SecretsManagerClient> secretsManager) {
        Optional<String> local = env.optional(FunctionEnv.LOCAL_SECRETS_JSON);
        if (local.isPresent()) {
            String json = local.get();
            return from(() -> json, env.clock());
        }
        String arn = env.required(FunctionEnv.SECRETS_ARN);
        return from(() -> secretsManager.get().getSecretValue(b -> b.secretId(arn)).secretString(), env.clock());
    }

    /** Reads the document from {@code source} now, and again as described above. */
    public static Secrets from(Supplier<String> source, Clock clock) {
        return new Secrets(source, clock);
    }

    public byte[] tokenSigningKey() {
        return fresh().tokenSigningKey.clone();
    }

    /** The app's WeChat credentials; an app the copy lacks makes it read again at once (rate limited). */
    public Optional<WeChatAppCredentials> app(String appId) {
        Optional<WeChatAppCredentials> found = Optional.ofNullable(fresh().apps.get(appId));
        if (found.isPresent()) {
            return found;
        }
        synchronized (lock) {
            Instant now = clock.instant();
            if (now.isBefore(nextMissRead)) {
                return Optional.ofNullable(current.apps.get(appId));
            }
            nextMissRead = now.plus(MISS_READ_INTERVAL);
            read(now);
            return Optional.ofNullable(current.apps.get(appId));
        }
    }

    private Document fresh() {
        if (clock.instant().isBefore(staleAt)) {
            return current;
        }
        synchronized (lock) {
            Instant now = clock.instant();
            if (!now.isBefore(staleAt)) {
                read(now);
            }
            return current;
        }
    }

    /** Under the lock. */
    private void read(Instant now) {
        try {
            current = parse(source.get());
            staleAt = now.plus(MAX_AGE);
        } catch (RuntimeException e) {
            // Secrets Manager unreachable or throttled, or an invalid new version: serve the last good copy.
            staleAt = now.plus(MISS_READ_INTERVAL);
            log.warn(null, "secrets not read again; the last copy stays in use", "error",
                    e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    private static Document parse(String json) {
        Map<?, ?> root;
        try {
            Object document = PlainJson.read(json);
            root = document instanceof Map<?, ?> m ? m : Map.of();
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("the secrets document is not valid JSON");
        }
        String key = PlainJson.asText(root.get("tokenSigningKey"), "");
        if (key.length() < MIN_KEY_LENGTH) {
            throw new IllegalStateException("tokenSigningKey must be at least " + MIN_KEY_LENGTH + " characters");
        }
        Map<String, WeChatAppCredentials> apps = new java.util.HashMap<>();
        if (root.get("apps") instanceof Map<?, ?> configured) {
            configured.forEach((appId, app) -> {
                Map<?, ?> fields = app instanceof Map<?, ?> m ? m : Map.of();
                apps.put((String) appId, new WeChatAppCredentials(PlainJson.asText(fields.get("wechatAppId"), ""),
                        PlainJson.asText(fields.get("appSecret"), "")));
            });
        }
        return new Document(key.getBytes(StandardCharsets.UTF_8), apps);
    }

    /** One version of the document, parsed. */
    private record Document(byte[] tokenSigningKey, Map<String, WeChatAppCredentials> apps) {
        Document {
            apps = Map.copyOf(apps);
        }
    }

    @Override
    public String toString() {
        return "Secrets[apps=" + current.apps.keySet() + "]";
    }
}
