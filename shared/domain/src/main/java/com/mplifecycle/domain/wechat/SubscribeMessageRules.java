package com.mplifecycle.domain.wechat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What WeChat's {@code subscribe/send} would refuse in a message, found before sending it.
 *
 * <p>Pure and stateless. The envelope (openid, template, page, version, language) and the keyword
 * values are checked separately because WeChat answers them with different errcodes; {@link #check}
 * gives both. An empty list means WeChat's documented limits are met; the template may still define
 * other keys, which only WeChat knows.
 */
public final class SubscribeMessageRules {
    /** Values of {@code miniprogram_state}: which version of the mini-program the card opens. */
    public static final Set<String> MINIPROGRAM_STATES = Set.of("developer", "trial", "formal");
    /** Values of {@code lang}: the language of the card's "open the mini-program" label. */
    public static final Set<String> LANGS = Set.of("zh_CN", "en_US", "zh_HK", "zh_TW");

    private SubscribeMessageRules() {
    }

    /**
     * One thing WeChat would refuse.
     *
     * @param key the keyword name (e.g. {@code thing1}) for a value, or the wire field name
     *     ({@code touser}, {@code template_id}, {@code page}, {@code miniprogram_state}, {@code lang},
     *     {@code data}) for the envelope
     * @param reason why, in words fit for an errmsg, e.g. {@code is longer than 20 characters}
     */
    public record Violation(String key, String reason) {
        public Violation {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** Envelope violations first, then keyword violations in the message's key order. */
    public static List<Violation> check(SubscribeMessage message) {
        List<Violation> all = new ArrayList<>(checkEnvelope(message));
        all.addAll(checkData(message.data()));
        return List.copyOf(all);
    }

    /** Violations of the fields around the data: openid, template, page, version and language. */
    public static List<Violation> checkEnvelope(SubscribeMessage message) {
        List<Violation> found = new ArrayList<>();
        if (message.touser().isBlank()) {
            found.add(new Violation("touser", "is empty"));
        }
        if (message.templateId().isBlank()) {
            found.add(new Violation("template_id", "is empty"));
        }
        message.optionalPage().filter(String::isBlank)
                .ifPresent(page -> found.add(new Violation("page", "is blank; leave it out for a card without a page")));
        message.optionalMiniprogramState().filter(state -> !MINIPROGRAM_STATES.contains(state))
                .ifPresent(state -> found.add(new Violation("miniprogram_state", "must be one of developer, trial, formal")));
        message.optionalLang().filter(lang -> !LANGS.contains(lang))
                .ifPresent(lang -> found.add(new Violation("lang", "must be one of zh_CN, en_US, zh_HK, zh_TW")));
        return List.copyOf(found);
    }

    /**
     * Violations of the keyword values, keyed by keyword name. An empty map is itself a violation
     * (key {@code data}): WeChat requires at least one keyword.
     */
    public static List<Violation> checkData(Map<String, String> data) {
        if (data.isEmpty()) {
            return List.of(new Violation("data", "is empty"));
        }
        List<Violation> found = new ArrayList<>();
        data.forEach((keyword, value) -> problemWith(keyword, value)
                .ifPresent(reason -> found.add(new Violation(keyword, reason))));
        return List.copyOf(found);
    }

    private static Optional<String> problemWith(String keyword, String value) {
        if (!keyword.matches("[a-z_]+[0-9]+")) {
            return Optional.of("is not a keyword name: lowercase type followed by its number, e.g. thing1");
        }
        Optional<KeywordType> type = KeywordType.ofKeyword(keyword);
        if (type.isEmpty()) {
            return Optional.of("has an unknown keyword type '" + keyword.replaceFirst("[0-9]+$", "") + "'");
        }
        return type.get().problemWith(value);
    }
}
