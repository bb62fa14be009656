package com.mplifecycle.domain.campaign;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import com.mplifecycle.domain.profile.CustomerProfile;
import com.mplifecycle.domain.profile.CustomerScores;
import com.mplifecycle.domain.profile.LastPush;
import com.mplifecycle.domain.wechat.SubscribeMessage;
import com.mplifecycle.domain.wechat.SubscribeMessageRules;

/**
 * Decides, for one customer at one moment, what each due campaign occurrence gets. Pure: the
 * caller supplies the profile, the app's campaigns and policy, the occurrences already decided
 * (dedupe records) and the time.
 *
 * <p>An occurrence is due while {@link Occurrence#isDue} under the app's policy: from when it was
 * known until a day of sendable time has passed. Rules, in order: nothing at all during quiet hours (the occurrences stay due and are decided
 * at the first run after the quiet end, {@link Plan#deferredUntil}); a push decision within the cap
 * skips every due occurrence ({@code CAP}); otherwise due occurrences are taken by priority (then
 * campaign id), those without a credit or with invalid data are skipped, the first that can be pushed
 * becomes the one decision (holdout by stable hash, else a send of its variant), and the rest are
 * skipped as {@code LOWER_PRIORITY}.
 */
public final class DispatchPlanner {
    /** Sent with every message: cards open the released version, labels in Chinese. */
    static final String MINIPROGRAM_STATE = "formal";
    static final String LANG = "zh_CN";

    /**
     * @param decisions what to record, the push decision (if any) last
     * @param profileAfter the profile with the push decision applied (credit spent, last push set),
     *     to be written together with the decision's record; the input profile when nothing is pushed
     * @param deferredUntil when quiet hours end, if decisions were held back for them; else null
     */
    public record Plan(List<PushDecision> decisions, CustomerProfile profileAfter, Instant deferredUntil) {
        public Plan {
            decisions = List.copyOf(decisions);
        }

        public Optional<PushDecision> push() {
            return decisions.stream().filter(d -> !(d instanceof PushDecision.Skip)).findFirst();
        }
    }

    private record Due(Campaign campaign, String occurrence) {
    }

    private final PushPolicy policy;
    private final ZoneId zone;
    private final CustomerScores scores;

    /** A planner for an app whose campaigns' audiences name no RFM segment. */
    public DispatchPlanner(PushPolicy policy, ZoneId zone) {
        this(policy, zone, CustomerScores.NONE);
    }

    /** @param scores the app's last RFM run, for audiences by segment */
    public DispatchPlanner(PushPolicy policy, ZoneId zone, CustomerScores scores) {
        this.policy = Objects.requireNonNull(policy, "policy");
        this.zone = Objects.requireNonNull(zone, "zone");
        this.scores = Objects.requireNonNull(scores, "scores");
    }

    /** The (campaign id, occurrence) pairs due now and not yet decided, best first. */
    public List<String> dueKeys(CustomerProfile p, List<Campaign> campaigns, Instant now) {
        return due(p, campaigns, Set.of(), now).stream().map(d -> key(d.campaign().id(), d.occurrence())).toList();
    }

    /**
     * @param decided keys ({@link #key}) of occurrences that already have a record
     */
    public Plan plan(CustomerProfile p, List<Campaign> campaigns, Set<String> decided, Instant now) {
        List<Due> due = due(p, campaigns, decided, now);
        if (due.isEmpty()) {
            return new Plan(List.of(), p, null);
        }
        if (policy.isQuiet(now, zone)) {
            return new Plan(List.of(), p, policy.quietEnd(now, zone));
        }
        List<PushDecision> decisions = new ArrayList<>();
        if (p.lastPush() != null && policy.capHolds(p.lastPush().at(), now)) {
            due.forEach(d -> decisions.add(skip(d, PushDecision.SkipReason.CAP)));
            return new Plan(decisions, p, null);
        }
        PushDecision chosen = null;
        CustomerProfile after = p;
        for (Due d : due) {
            if (chosen != null) {
                decisions.add(skip(d, PushDecision.SkipReason.LOWER_PRIORITY));
                continue;
            }
            Campaign c = d.campaign();
            Optional<String> grant = CreditLedger.nextGrant(p, c.templateId());
            Optional<Variant> variant = StableBuckets.variant(c.id(), p.customerId(), c.variants());
            String variantId = variant.map(Variant::id).orElse(null);
            SubscribeMessage message = message(p, c, variant, now);
            if (p.openid() == null) {
                decisions.add(skip(d, PushDecision.SkipReason.NO_OPENID));
            } else if (grant.isEmpty()) {
                decisions.add(skip(d, PushDecision.SkipReason.NO_CREDIT));
            } else if (!SubscribeMessageRules.check(message).isEmpty()) {
                decisions.add(skip(d, PushDecision.SkipReason.INVALID_DATA));
            } else if (StableBuckets.isHoldout(c.id(), p.customerId(), c.holdoutPercent())) {
                chosen = new PushDecision.Holdout(c, d.occurrence(), variantId);
                after = p.toBuilder().lastPush(LastPush.of(c.id(), variantId, true, now, d.occurrence())).build();
            } else {
                chosen = new PushDecision.Send(c, d.occurrence(), variantId, message, grant.get());
                after = CreditLedger.spend(p, c.templateId(), grant.get(), now).toBuilder()
                        .lastPush(LastPush.of(c.id(), variantId, false, now, d.occurrence())).build();
            }
        }
        if (chosen != null) {
            decisions.add(chosen);
        }
        return new Plan(decisions, after, null);
    }

    /**
     * The next moment a dispatch run has something to decide for this customer, for the due index: the
     * earliest moment at which an occurrence of an enabled campaign is due and not decided ({@code decided},
     * the last push), moved past quiet hours (nothing is decided in them); {@code now} when one is due now.
     * Empty when nothing will be due until the profile changes. Audiences apply by stage only: segments move
     * with the nightly run without a profile write, so the planner applies them when the customer is read.
     * Birthdays look past a decided or ended occurrence to the next one.
     */
    public Optional<Instant> nextDue(CustomerProfile p, List<Campaign> campaigns, Set<String> decided, Instant now) {
        Instant best = null;
        for (Campaign c : campaigns) {
            if (!c.enabled() || !c.audience().mayInclude(p)) {
                continue;
            }
            Optional<Occurrence> o = c.trigger().occurrence(p, now, zone);
            for (int step = 0; step < 2 && o.isPresent(); step++) {
                Occurrence current = o.get();
                Instant end = current.end(policy, zone);
                String key = key(c.id(), current.key());
                boolean done = decided.contains(key) || !end.isAfter(now) || isLastPush(p, key);
                if (!done) {
                    Instant at = policy.quietEnd(current.from().isAfter(now) ? current.from() : now, zone);
                    best = best == null || at.isBefore(best) ? at : best;
                    break;
                }
                o = c.trigger().occurrence(p, end, zone).filter(next -> !next.key().equals(current.key()));
            }
        }
        return Optional.ofNullable(best);
    }

    /** Whether {@code key} is the occurrence of the profile's last push: decided, whatever records were read. */
    private static boolean isLastPush(CustomerProfile p, String key) {
        return p.lastPush() != null
                && key.equals(key(p.lastPush().campaignId(), String.valueOf(p.lastPush().occurrence())));
    }

    /** The dedupe key of an occurrence of a campaign. */
    public static String key(String campaignId, String occurrence) {
        return campaignId + "#" + occurrence;
    }

    private List<Due> due(CustomerProfile p, List<Campaign> campaigns, Set<String> decided, Instant now) {
        Map<String, Due> due = new LinkedHashMap<>();
        campaigns.stream()
                .filter(c -> c.enabled() && c.audience().includes(p, scores))
                .sorted(Comparator.comparingInt(Campaign::priority).reversed().thenComparing(Campaign::id))
                .forEach(c -> c.trigger().occurrence(p, now, zone).filter(o -> o.isDue(now, policy, zone))
                        .ifPresent(o -> {
                            String key = key(c.id(), o.key());
                            if (!decided.contains(key) && !isLastPush(p, key)) {
                                due.put(key, new Due(c, o.key()));
                            }
                        }));
        return new ArrayList<>(due.values());
    }

    private SubscribeMessage message(CustomerProfile p, Campaign c, Optional<Variant> variant, Instant now) {
        Map<String, String> data = new LinkedHashMap<>();
        c.dataFor(variant).forEach((k, v) -> data.put(k, Placeholders.render(v, p, now, zone)));
        return new SubscribeMessage(p.openid() == null ? "" : p.openid(), c.templateId(), c.page(), data,
                MINIPROGRAM_STATE, LANG);
    }

    private static PushDecision.Skip skip(Due d, PushDecision.SkipReason reason) {
        return new PushDecision.Skip(d.campaign(), d.occurrence(), reason);
    }
}
