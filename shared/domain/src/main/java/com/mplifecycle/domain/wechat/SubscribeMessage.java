package com.mplifecycle.domain.wechat;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One subscribe message (订阅消息) as WeChat's {@code subscribe/send} takes it.
 *
 * <p>The record holds what a caller asked for, valid or not: {@link SubscribeMessageRules} judges it.
 * {@code page}, {@code miniprogramState} and {@code lang} are null when not sent.
 *
 * @param touser recipient openid
 * @param templateId private template id
 * @param page mini-program page opened from the card, or null
 * @param data keyword name (e.g. {@code thing1}) to value, in template order
 * @param miniprogramState {@code developer}, {@code trial} or {@code formal}, or null
 * @param lang {@code zh_CN}, {@code en_US}, {@code zh_HK} or {@code zh_TW}, or null
 */
public record SubscribeMessage(String touser, String templateId, String page, Map<String, String> data,
        String miniprogramState, String lang) {

    public SubscribeMessage {
        Objects.requireNonNull(touser, "touser");
        Objects.requireNonNull(templateId, "templateId");
        Objects.requireNonNull(data, "data");
        // keeps template order for the wire; Map.copyOf would not, and would refuse null values
        data = Collections.unmodifiableMap(new LinkedHashMap<>(data));
    }

    /** A message with only the required fields. */
    public static SubscribeMessage of(String touser, String templateId, Map<String, String> data) {
        return new SubscribeMessage(touser, templateId, null, data, null, null);
    }

    public SubscribeMessage withPage(String newPage) {
        return new SubscribeMessage(touser, templateId, newPage, data, miniprogramState, lang);
    }

    public SubscribeMessage withMiniprogramState(String newState) {
        return new SubscribeMessage(touser, templateId, page, data, newState, lang);
    }

    public SubscribeMessage withLang(String newLang) {
        return new SubscribeMessage(touser, templateId, page, data, miniprogramState, newLang);
    }

    public Optional<String> optionalPage() {
        return Optional.ofNullable(page);
    }

    public Optional<String> optionalMiniprogramState() {
        return Optional.ofNullable(miniprogramState);
    }

    public Optional<String> optionalLang() {
        return Optional.ofNullable(lang);
    }

    /** Leaves out the openid and the values: both are personal data that must not reach logs. */
    @Override
    public String toString() {
        return "SubscribeMessage[templateId=" + templateId + ", keywords=" + data.keySet() + "]";
    }
}
