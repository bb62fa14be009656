package com.mplifecycle.functions.dispatch;

import java.time.Instant;
import java.util.Map;

import com.mplifecycle.aws.store.DispatchRecord;
import com.mplifecycle.domain.campaign.PushDecision;
import com.mplifecycle.domain.profile.CustomerProfile;

/** The dispatch record that a planner decision starts as. */
final class DecisionRecords {
    private DecisionRecords() {
    }

    static DispatchRecord of(CustomerProfile p, PushDecision d, Instant now) {
        String template = d.campaign().templateId();
        if (d instanceof PushDecision.Send) {
            PushDecision.Send send = (PushDecision.Send) d;
            return new DispatchRecord(p.appId(), p.customerId(), d.campaign().id(), d.occurrence(),
                    DispatchRecord.Status.SENDING, now, send.variant(), template, send.grantId(),
                    send.message().page(), send.message().data(), null, 0, 0, 1, null);
        }
        if (d instanceof PushDecision.Holdout) {
            return new DispatchRecord(p.appId(), p.customerId(), d.campaign().id(), d.occurrence(),
                    DispatchRecord.Status.HOLDOUT, now, ((PushDecision.Holdout) d).variant(), template, null, null,
                    Map.of(), null, 0, 0, 0, null);
        }
        if (d instanceof PushDecision.Skip) {
            return new DispatchRecord(p.appId(), p.customerId(), d.campaign().id(), d.occurrence(),
                    DispatchRecord.Status.SKIPPED, now, null, template, null, null, Map.of(),
                    ((PushDecision.Skip) d).reason().name().toLowerCase(java.util.Locale.ROOT), 0, 0, 0, null);
        }
        throw new IllegalArgumentException("unknown decision " + d);
    }
}
