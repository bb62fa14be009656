package com.mplifecycle.domain.campaign;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.mplifecycle.domain.input.FieldError;
import com.mplifecycle.domain.input.JsonFields;
import com.mplifecycle.domain.lifecycle.Stage;
import com.mplifecycle.domain.rfm.RfmSegment;
import com.mplifecycle.domain.wechat.SubscribeMessageRules;

/**
 * Reads a campaign from its JSON tree (maps, lists, strings, numbers, booleans) and reports every
 * invalid field with its path and reason: an unknown trigger, keyword data WeChat would refuse
 * (checked with {@link SubscribeMessageRules} on the placeholders' samples), variant weights that do
 * not add up to 100, a holdout outside 0–100.
 */
public final class CampaignReader {
    /** The outcome: a campaign, or the reasons there is none. */
    public sealed interface Result permits Valid, Invalid {
    }

    public record Valid(Campaign campaign) implements Result {
    }

    public record Invalid(List<FieldError> errors) implements Result {
        public Invalid {
            errors = List.copyOf(errors);
        }
    }

    private final List<FieldError> errors = new ArrayList<>();
    private final JsonFields in;

    private CampaignReader(Map<String, Object> json) {
        this.in = new JsonFields(json, "", errors);
    }

    public static Result read(String id, Map<String, Object> json) {
        return new CampaignReader(json).read(id);
    }

    private Result read(String id) {
        String name = in.string("name", true, 64);
        boolean enabled = in.bool("enabled", true);
        int priority = in.integer("priority", 0, 0, 1000);
        Trigger trigger = TriggerReader.read(in.object("trigger", true), errors);
        Audience audience = audience(in.object("audience", false));
        String templateId = in.string("templateId", true, 128);
        String page = in.string("page", false, 256);
        Map<String, String> data = keywordData(in.object("data", true), "data");
        List<Variant> variants = variants();
        int holdout = in.integer("holdoutPercent", Campaign.DEFAULT_HOLDOUT_PERCENT, 0, 100);
        if (!errors.isEmpty()) {
            return new Invalid(errors);
        }
        return new Valid(new Campaign(id, name, enabled, priority, trigger, audience, templateId, page, data,
                variants, holdout));
    }

    private Audience audience(Optional<JsonFields> json) {
        if (json.isEmpty()) {
            return Audience.EVERYONE;
        }
        List<Stage> stages = json.get().names("stages", Stage.class);
        List<RfmSegment> segments = json.get().names("segments", RfmSegment.class);
        return new Audience(Set.copyOf(stages), Set.copyOf(segments));
    }

    private Map<String, String> keywordData(Optional<JsonFields> json, String path) {
        if (json.isEmpty()) {
            return Map.of();
        }
        Map<String, String> data = json.get().strings();
        checkKeywords(data, path);
        return data;
    }

    private void checkKeywords(Map<String, String> data, String path) {
        Map<String, String> samples = new LinkedHashMap<>();
        data.forEach((keyword, value) -> {
            Placeholders.unknown(value).forEach(unknown -> errors.add(new FieldError(path + "." + keyword,
                    "unknown placeholder {{" + unknown + "}}")));
            samples.put(keyword, Placeholders.sample(value));
        });
        if (data.isEmpty()) {
            if (path.equals("data")) {
                errors.add(new FieldError(path, "needs at least one keyword"));
            }
            return;
        }
        SubscribeMessageRules.checkData(samples).forEach(v -> errors.add(new FieldError(
                path + "." + v.key(), v.reason() + (data.getOrDefault(v.key(), "").contains("{{")
                        ? " (with its placeholders at their longest)" : ""))));
    }

    private List<Variant> variants() {
        List<JsonFields> items = in.objects("variants");
        List<Variant> variants = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        int total = 0;
        for (int i = 0; i < items.size(); i++) {
            JsonFields v = items.get(i);
            String id = v.string("id", true, 32);
            if (id != null && !ids.add(id)) {
                errors.add(new FieldError("variants[" + i + "].id", "is used twice"));
            }
            int weight = v.integer("weight", -1, 0, 100);
            if (weight < 0) {
                errors.add(new FieldError("variants[" + i + "].weight", "is required"));
            }
            total += Math.max(weight, 0);
            Map<String, String> data = v.object("data", false).map(JsonFields::strings).orElse(Map.of());
            checkKeywords(data, "variants[" + i + "].data");
            variants.add(new Variant(id == null ? "?" : id, Math.max(weight, 0), data));
        }
        if (!items.isEmpty() && total != 100) {
            errors.add(new FieldError("variants", "weights must add up to 100, not " + total));
        }
        return variants;
    }
}
