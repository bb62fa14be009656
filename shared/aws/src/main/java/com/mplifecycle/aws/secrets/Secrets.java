package com.mplifecycle.aws.secrets;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

import com.mplifecycle.aws.config.FunctionEnv;
import com.mplifecycle.aws.json.PlainJson;

import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * The deployment's secrets: the session-token signing key and each app's WeChat credentials.
 * One JSON document, kept in Secrets Manager in the cloud (or given directly to local runs):
 * {@code {"tokenSigningKey":"<at least 32 characters>","apps":{"<appId>":{"wechatAppId":"wx…","appSecret":"…"}}}}.
 */
public final class Secrets {
    static final int MIN_KEY_LENGTH = 32;

    private final byte[] tokenSigningKey;
    private final Map<String, WeChatAppCredentials> apps;

    private Secrets(byte[] tokenSigningKey, Map<String, WeChatAppCredentials> apps) {
        this.tokenSigningKey = tokenSigningKey;
        this.apps = Map.copyOf(apps);
    }

    /** Loads from {@code LOCAL_SECRETS_JSON} if set, else from the Secrets Manager secret {@code SECRETS_ARN}. */
    public static Secrets load(FunctionEnv env, java.util.function.Supplier<SecretsManagerClient> secretsManager) {
        Optional<String> local = env.optional(FunctionEnv.LOCAL_SECRETS_JSON);
        if (local.isPresent()) {
            return parse(local.get());
        }
        String arn = env.required(FunctionEnv.SECRETS_ARN);
        try (SecretsManagerClient client = secretsManager.get()) {
            return parse(client.getSecretValue(b -> b.secretId(arn)).secretString());
        }
    }

    public static Secrets parse(String json) {
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
        return new Secrets(key.getBytes(StandardCharsets.UTF_8), apps);
    }

    public byte[] tokenSigningKey() {
        return tokenSigningKey.clone();
    }

    public Optional<WeChatAppCredentials> app(String appId) {
        return Optional.ofNullable(apps.get(appId));
    }

    @Override
    public String toString() {
        return "Secrets[apps=" + apps.keySet() + "]";
    }
}
