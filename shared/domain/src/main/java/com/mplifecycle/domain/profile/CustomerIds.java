package com.mplifecycle.domain.profile;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * Customer ids are pseudonymous: derived from (appId, openid) so that ids, logs and statistics
 * never carry the openid itself, and stable so that every login of the same person maps to
 * the same profile.
 */
public final class CustomerIds {
    private static final Pattern APP_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    private CustomerIds() {
    }

    public static String of(String appId, String openid) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((appId + "\n" + openid).getBytes(StandardCharsets.UTF_8));
            return "c_" + HexFormat.of().formatHex(digest, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** App ids appear in keys and paths: letters, digits, underscore and dash only. */
    public static boolean isValidAppId(String appId) {
        return appId != null && APP_ID.matcher(appId).matches();
    }
}
