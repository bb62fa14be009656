package com.mplifecycle.domain.campaign;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A campaign as stored per app: when it fires ({@link Trigger}), for whom ({@link Audience}), which
 * WeChat template it sends with which keyword data (profile placeholders allowed, see
 * {@link Placeholders}), optional weighted variants whose data overrides the base data, and the share
 * of customers held out (recorded, never sent) to measure lift. Built by {@link CampaignReader}, which
 * reports every invalid field; the constructor only guards invariants.
 */
public record Campaign(String id, String name, boolean enabled, int priority, Trigger trigger, Audience audience,
                       String templateId, String page, Map<String, String> data, List<Variant> variants,
                       int holdoutPercent) {
    public static final int DEFAULT_HOLDOUT_PERCENT = 10;

    public Campaign {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(trigger, "trigger");
        Objects.requireNonNull(templateId, "templateId");
        audience = audience == null ? Audience.EVERYONE : audience;
        data = Collections.unmodifiableMap(new LinkedHashMap<>(data));
        variants = variants == null ? List.of() : List.copyOf(variants);
        if (holdoutPercent < 0 || holdoutPercent > 100) {
            throw new IllegalArgumentException("holdoutPercent must be 0..100");
        }
    }

    public Optional<String> optionalPage() {
        return Optional.ofNullable(page);
    }

    /** The keyword data of a variant: the base data with the variant's values over it. */
    public Map<String, String> dataFor(Optional<Variant> variant) {
        Map<String, String> merged = new LinkedHashMap<>(data);
        variant.ifPresent(v -> merged.putAll(v.data()));
        return merged;
    }

    public Campaign withId(String newId) {
        return new Campaign(newId, name, enabled, priority, trigger, audience, templateId, page, data, variants,
                holdoutPercent);
    }
}
