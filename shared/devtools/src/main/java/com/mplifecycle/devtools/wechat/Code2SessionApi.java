package com.mplifecycle.devtools.wechat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;

/**
 * {@code GET /sns/jscode2session}: a login code for an openid, once per code.
 *
 * <p>The openid comes from the AppID and the code's user part: the code up to an optional {@code ~}.
 * So {@code alice~1} and {@code alice~2} are two logins of one user, as two {@code wx.login} codes of
 * one person would be. Codes starting with {@code invalid} are refused as WeChat refuses expired or
 * foreign codes.
 */
final class Code2SessionApi {
    private final AppCredentials apps;
    private final Set<String> usedCodes = new HashSet<>();

    Code2SessionApi(AppCredentials apps) {
        this.apps = apps;
    }

    synchronized WireAnswer answer(Map<String, String> params) {
        String appId = params.get("appid");
        String code = params.get("js_code");
        OptionalInt credentialError = apps.errcodeFor(appId, params.get("secret"));
        if (credentialError.isPresent()) {
            return WireAnswer.error(credentialError.getAsInt());
        }
        if (code == null || code.isEmpty()) {
            return WireAnswer.error(41008);
        }
        if (!"authorization_code".equals(params.get("grant_type"))) {
            return WireAnswer.error(40002);
        }
        if (code.startsWith("invalid")) {
            return WireAnswer.error(40029);
        }
        if (!usedCodes.add(appId + '\n' + code)) {
            return WireAnswer.error(40163);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("session_key", base64(digest("session\n" + appId + '\n' + code), 24));
        body.put("openid", openIdFor(appId, code));
        return WireAnswer.success(body);
    }

    /** The openid a login with this code gets: 28 characters, starting with {@code o}, like WeChat's. */
    static String openIdFor(String wechatAppId, String code) {
        int nonce = code.indexOf('~');
        String user = nonce < 0 ? code : code.substring(0, nonce);
        String encoded = Base64.getUrlEncoder().withoutPadding().encodeToString(digest(wechatAppId + '\n' + user));
        return "o" + encoded.substring(0, 27);
    }

    private static String base64(byte[] bytes, int length) {
        return Base64.getEncoder().encodeToString(bytes).substring(0, length);
    }

    private static byte[] digest(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
