package com.mplifecycle.aws.store;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.mplifecycle.domain.app.AbuseLimits;

import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;

/**
 * Per-customer counters of the abuse limits ({@link AbuseLimits}), in the apps table, shared by
 * every container: one item per customer and UTC day holding the day's count ({@code d}) and the
 * current minute ({@code m}) with its count ({@code mc}); logins one item per customer and UTC
 * minute ({@code n}). Each admission is one conditional {@code UpdateItem} that adds only when the
 * result stays within the limits, so concurrent requests can never together exceed them; the
 * first request of a new minute resets the minute count with a second conditional update. Items
 * expire by TTL ({@code exp}) a day after their window.
 *
 * <p>A refused customer is remembered in the container until the window it hit ends, so that a
 * flood costs DynamoDB one refused update per container and window, not one per request (a
 * smaller request than the refused one is refused too until then).
 */
public final class AbuseCounters {
    /** What the counters decided: admitted, or refused with the limit hit and when to retry. */
    public sealed interface Admission {
    }

    public record Admitted() implements Admission {
    }

    /** @param limit {@code eventsPerMinute}, {@code eventsPerDay} or {@code loginsPerMinute} */
    public record Refused(String limit, long retryAfterSeconds) implements Admission {
    }

    static final String DAY_COUNT = "d";
    static final String MINUTE = "m";
    static final String MINUTE_COUNT = "mc";
    static final String LOGINS = "n";
    private static final int REMEMBERED_CUSTOMERS = 10_000;

    private record Hold(Refused refused, Instant until) {
    }

    private final DynamoDbClient db;
    private final String table;
    /** Per customer key: the minute of their last admitted request (which update to try first). */
    private final Map<String, Long> lastMinute = new ConcurrentHashMap<>();
    private final Map<String, Hold> held = new ConcurrentHashMap<>();

    public AbuseCounters(DynamoDbClient db, String table) {
        this.db = db;
        this.table = table;
    }

    /** Counts {@code events} accepted events of the customer at {@code now}, if the limits allow them all. */
    public Admission admitEvents(String appId, String customerId, int events, AbuseLimits limits, Instant now) {
        String pk = TableKeys.limits(appId, customerId);
        Refused refused = heldAt(pk, now);
        if (refused != null) {
            return refused;
        }
        if (events > limits.eventsPerMinute()) {
            return hold(pk, new Refused("eventsPerMinute", AbuseLimits.secondsToNextMinute(now)), now);
        }
        long day = AbuseLimits.dayOf(now);
        long minute = AbuseLimits.minuteOf(now);
        Map<String, AttributeValue> key = Map.of(TableKeys.PK, AttributeValue.fromS(pk),
                TableKeys.SK, AttributeValue.fromS(TableKeys.eventsCounter(day)));
        // DynamoDB refuses names and values an expression does not use: one set per update
        Map<String, AttributeValue> sameMinuteValues = Map.of(":k", number(events), ":minute", number(minute),
                ":mmax", number(limits.eventsPerMinute() - events), ":dmax", number(limits.eventsPerDay() - events));
        Map<String, String> sameMinuteNames = Map.of("#d", DAY_COUNT, "#m", MINUTE, "#mc", MINUTE_COUNT);
        Map<String, AttributeValue> newMinuteValues = Map.of(":k", number(events), ":minute", number(minute),
                ":dmax", number(limits.eventsPerDay() - events), ":exp", number((day + 2) * 86_400));
        Map<String, String> newMinuteNames = Map.of("#d", DAY_COUNT, "#m", MINUTE, "#mc", MINUTE_COUNT,
                "#exp", TableKeys.EXPIRES);
        boolean sameMinuteFirst = Long.valueOf(minute).equals(lastMinute.get(pk));
        for (int attempt = 0; attempt < 3; attempt++) {
            boolean sameMinute = sameMinuteFirst == (attempt % 2 == 0);
            try {
                db.updateItem(b -> {
                    b.tableName(table).key(key)
                            .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD);
                    if (sameMinute) {
                        b.expressionAttributeNames(sameMinuteNames).expressionAttributeValues(sameMinuteValues)
                                .updateExpression("ADD #d :k, #mc :k")
                                .conditionExpression("#m >= :minute AND #mc <= :mmax AND #d <= :dmax");
                    } else {
                        b.expressionAttributeNames(newMinuteNames).expressionAttributeValues(newMinuteValues)
                                .updateExpression("SET #m = :minute, #mc = :k, #exp = :exp ADD #d :k")
                                .conditionExpression("(attribute_not_exists(#m) OR #m < :minute)"
                                        + " AND (attribute_not_exists(#d) OR #d <= :dmax)");
                    }
                });
                remember(pk, minute);
                return new Admitted();
            } catch (ConditionalCheckFailedException e) {
                Map<String, AttributeValue> old = e.hasItem() ? e.item() : current(key);
                long dayCount = count(old, DAY_COUNT);
                if (dayCount > limits.eventsPerDay() - events) {
                    return hold(pk, new Refused("eventsPerDay", AbuseLimits.secondsToNextDay(now)), now);
                }
                if (count(old, MINUTE) >= minute && count(old, MINUTE_COUNT) > limits.eventsPerMinute() - events) {
                    return hold(pk, new Refused("eventsPerMinute", AbuseLimits.secondsToNextMinute(now)), now);
                }
                // the other update applies (a new minute, or another request started this one): try it.
                // A container whose clock lags counts into the latest minute stored (>=, <).
            } catch (SdkException e) {
                throw new StoreUnavailableException("abuse counters unavailable: " + e.getMessage(), e);
            }
        }
        throw new StoreUnavailableException("abuse counters kept changing", null);
    }

    /** Counts one login of the customer (one openid of one app) at {@code now}, if the limit allows it. */
    public Admission admitLogin(String appId, String customerId, AbuseLimits limits, Instant now) {
        String pk = TableKeys.limits(appId, customerId);
        long minute = AbuseLimits.minuteOf(now);
        try {
            db.updateItem(b -> b.tableName(table)
                    .key(Map.of(TableKeys.PK, AttributeValue.fromS(pk),
                            TableKeys.SK, AttributeValue.fromS(TableKeys.loginsCounter(minute))))
                    .updateExpression("ADD #n :one SET #exp = :exp")
                    .conditionExpression("attribute_not_exists(#n) OR #n < :max")
                    .expressionAttributeNames(Map.of("#n", LOGINS, "#exp", TableKeys.EXPIRES))
                    .expressionAttributeValues(Map.of(":one", number(1), ":max", number(limits.loginsPerMinute()),
                            ":exp", number((minute + 1) * 60 + Duration.ofDays(1).toSeconds()))));
            return new Admitted();
        } catch (ConditionalCheckFailedException e) {
            return new Refused("loginsPerMinute", AbuseLimits.secondsToNextMinute(now));
        } catch (SdkException e) {
            throw new StoreUnavailableException("abuse counters unavailable: " + e.getMessage(), e);
        }
    }

    private Refused heldAt(String pk, Instant now) {
        Hold hold = held.get(pk);
        if (hold == null) {
            return null;
        }
        if (!now.isBefore(hold.until())) {
            held.remove(pk, hold);
            return null;
        }
        long seconds = Math.max(1, (Duration.between(now, hold.until()).toMillis() + 999) / 1000);
        return new Refused(hold.refused().limit(), seconds);
    }

    private Refused hold(String pk, Refused refused, Instant now) {
        if (held.size() >= REMEMBERED_CUSTOMERS) {
            held.clear();
        }
        held.put(pk, new Hold(refused, now.plusSeconds(refused.retryAfterSeconds())));
        return refused;
    }

    private void remember(String pk, long minute) {
        if (lastMinute.size() >= REMEMBERED_CUSTOMERS) {
            lastMinute.clear();
        }
        lastMinute.put(pk, minute);
    }

    private Map<String, AttributeValue> current(Map<String, AttributeValue> key) {
        return db.getItem(b -> b.tableName(table).key(key).consistentRead(true)).item();
    }

    private static long count(Map<String, AttributeValue> item, String name) {
        AttributeValue v = item == null ? null : item.get(name);
        return v == null || v.n() == null ? 0 : Long.parseLong(v.n());
    }

    private static AttributeValue number(long n) {
        return AttributeValue.fromN(Long.toString(n));
    }
}
