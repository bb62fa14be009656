package com.mplifecycle.domain.campaign;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.mplifecycle.domain.profile.CustomerProfile;

/**
 * One-time subscription credits in the profile: a credit is the id of a {@code subscribe_result}
 * accept ({@code creditGrants}); spending moves the id to {@code spentGrants} with the time, so a
 * redelivered accept cannot grant it again (see ProfileFolder). Oldest grant first.
 */
public final class CreditLedger {
    private CreditLedger() {
    }

    /** The grant a send to this template would spend, if any. */
    public static Optional<String> nextGrant(CustomerProfile p, String templateId) {
        List<String> grants = p.creditGrants().getOrDefault(templateId, List.of());
        return grants.isEmpty() ? Optional.empty() : Optional.of(grants.get(0));
    }

    /** The profile with {@code grantId} of {@code templateId} spent at {@code at} (unchanged if not held). */
    public static CustomerProfile spend(CustomerProfile p, String templateId, String grantId, Instant at) {
        List<String> grants = new ArrayList<>(p.creditGrants().getOrDefault(templateId, List.of()));
        if (!grants.remove(grantId)) {
            return p;
        }
        Map<String, List<String>> credit = new HashMap<>(p.creditGrants());
        credit.put(templateId, grants);
        Map<String, Long> spent = new HashMap<>(p.spentGrants());
        spent.put(grantId, at.toEpochMilli());
        return p.toBuilder().creditGrants(credit).spentGrants(spent).build();
    }

    /** Gives back a grant a send did not use (WeChat refused it for a reason other than 43101). */
    public static CustomerProfile refund(CustomerProfile p, String templateId, String grantId) {
        if (!p.spentGrants().containsKey(grantId)) {
            return p;
        }
        Map<String, Long> spent = new HashMap<>(p.spentGrants());
        spent.remove(grantId);
        Map<String, List<String>> credit = new HashMap<>(p.creditGrants());
        List<String> grants = new ArrayList<>(credit.getOrDefault(templateId, List.of()));
        grants.add(0, grantId);
        credit.put(templateId, grants);
        return p.toBuilder().creditGrants(credit).spentGrants(spent).build();
    }
}
