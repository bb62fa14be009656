package com.mplifecycle.devtools.wechat;

import java.util.HashMap;
import java.util.Map;
import java.util.OptionalInt;

/**
 * The mini-programs the stand-in knows, by AppID and AppSecret. With none registered every pair is
 * accepted, so tests that do not care about credentials need no setup.
 */
final class AppCredentials {
    private final Map<String, String> secretByAppId = new HashMap<>();

    synchronized void register(String wechatAppId, String secret) {
        secretByAppId.put(wechatAppId, secret);
    }

    /** The errcode WeChat gives for this pair, or empty when it is accepted. */
    synchronized OptionalInt errcodeFor(String wechatAppId, String secret) {
        if (wechatAppId == null || wechatAppId.isEmpty()) {
            return OptionalInt.of(41002);
        }
        if (secret == null || secret.isEmpty()) {
            return OptionalInt.of(41004);
        }
        if (secretByAppId.isEmpty()) {
            return OptionalInt.empty();
        }
        String known = secretByAppId.get(wechatAppId);
        if (known == null) {
            return OptionalInt.of(40013);
        }
        return known.equals(secret) ? OptionalInt.empty() : OptionalInt.of(40125);
    }
}
