package com.mplifecycle.aws.secrets;

import java.util.Objects;

/** A mini-program's WeChat AppID and AppSecret. {@link #toString()} never shows the secret. */
public record WeChatAppCredentials(String wechatAppId, String appSecret) {
    public WeChatAppCredentials {
        Objects.requireNonNull(wechatAppId, "wechatAppId");
        Objects.requireNonNull(appSecret, "appSecret");
    }

    @Override
    public String toString() {
        return "WeChatAppCredentials[wechatAppId=" + wechatAppId + ", appSecret=***]";
    }
}
