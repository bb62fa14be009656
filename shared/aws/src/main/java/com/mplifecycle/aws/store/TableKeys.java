package com.mplifecycle.aws.store;

/**
 * The one DynamoDB key layout of the project (documented in docs/data-model.md). Every store
 * builds its keys here, so a change of layout is a change of this file.
 */
public final class TableKeys {
    /** Partition key attribute of every table. */
    public static final String PK = "pk";
    /** Sort key attribute of the events and apps tables. */
    public static final String SK = "sk";
    /** TTL attribute (epoch seconds) of tables with expiring items. */
    public static final String EXPIRES = "exp";

    /** Sort key of an app's settings item in the apps table. */
    public static final String APP_SETTINGS_SK = "settings";
    /** Sort key of an app's last full RFM/churn run in the apps table. */
    public static final String RFM_LAST_RUN_SK = "rfm#lastRun";

    /** Sort key of an app's retention and repurchase counts, written by the scheduled run. */
    public static final String CUSTOMER_STATISTICS_SK = "stats#customers";
    /** Sort-key prefix of an app's daily funnel sets ({@code stats#funnel#YYYY-MM-DD#NN}). */
    private static final String FUNNEL_DAY_SK_PREFIX = "stats#funnel#";
    /** Sort-key prefix of an app's stage counts per day ({@code stats#stages#YYYY-MM-DD}). */
    private static final String STAGE_DAY_SK_PREFIX = "stats#stages#";
    /** Sort-key prefix of a campaign's outcome counters ({@code stats#campaign#{campaignId}}). */
    public static final String CAMPAIGN_OUTCOMES_SK_PREFIX = "stats#campaign#";

    /** Sort key of a fanned-out RFM run's progress item; its partition key is {@link #rfmRun}. */
    public static final String RFM_RUN_SK = "run";

    /** Sort key of an admin key item; its partition key is {@link #adminKey}. */
    public static final String ADMIN_KEY_SK = "adminKey";

    /** Sort key of an app's cached WeChat access token in the apps table. */
    public static final String WECHAT_TOKEN_SK = "wechatToken";
    /** Sort key of the lock that lets one caller at a time refresh the access token. */
    public static final String WECHAT_TOKEN_LOCK_SK = "wechatToken#lock";
    /** Sort-key prefix of an app's campaigns in the apps table. */
    public static final String CAMPAIGN_SK_PREFIX = "campaign#";
    /** Sort-key prefix of an app's feedback inbox items ({@code feedback#{feedbackId}}). */
    public static final String FEEDBACK_SK_PREFIX = "feedback#";
    /** Sort-key prefix of the share-id items ({@code share#{shareId}}). */
    private static final String SHARE_SK_PREFIX = "share#";
    /** Sort-key prefix of the per-day sharing records ({@code sharing#{YYYY-MM-DD}#{s|o|n}#{id}}). */
    private static final String SHARING_DAY_SK_PREFIX = "sharing#";
    /** A prefix of both {@code share#} and {@code sharing#} sort keys, for one query over either. */
    public static final String SHARING_SK_PREFIX_ROOT = "shar";
    /** Sort-key prefix of the acquisition items ({@code referral#{sharerId}#{customerId}}). */
    public static final String REFERRAL_SK_PREFIX = "referral#";
    /**
     * The name of two sparse indexes: the dispatch table's of records waiting for a retry (one partition
     * value, {@link #DUE_PARTITION}), and the profiles table's due index (partitions {@code due#00..15}).
     */
    public static final String DUE_INDEX = "due";
    public static final String DUE_PARTITION = "due";

    /** Sort key of a customer's points account in the loyalty table. */
    public static final String LOYALTY_ACCOUNT_SK = "account";
    /** Sort key prefix of a customer's ledger entries in the loyalty table: {@code led#<cause>}. */
    public static final String LEDGER_SK_PREFIX = "led#";
    /** Sort key of an order or refund index item in the loyalty table. */
    public static final String ORDER_INDEX_SK = "order";
    public static final String REFUND_INDEX_SK = "refund";
    /** Partition key of the leases of dispatch's chained walks in the apps table (one item per walk). */
    public static final String DISPATCH_CHAINS_PK = "dispatchChains";
    /** Sort key of an app's pause of WeChat sends after a rate limit, in the apps table. */
    public static final String SEND_PAUSE_SK = "sendPause";
    /** Sort key prefix of a reward in the apps table. */
    public static final String REWARD_SK_PREFIX = "reward#";

    private TableKeys() {
    }

    /** Sort key of a ledger entry: its cause, so a cause is stored once. */
    public static String ledgerEntry(String cause) {
        return LEDGER_SK_PREFIX + cause;
    }

    /** Partition key of a server order's index item (which customer it is for, what is left to refund). */
    public static String serverOrder(String appId, String orderId) {
        return appId + "#order#" + orderId;
    }

    /** Partition key of a server refund's index item. */
    public static String serverRefund(String appId, String refundId) {
        return appId + "#refund#" + refundId;
    }

    /** Sort key of a reward item in the apps table. */
    public static String reward(String rewardId) {
        return REWARD_SK_PREFIX + rewardId;
    }

    /** Sort key of a campaign item in the apps table. */
    public static String campaign(String campaignId) {
        return CAMPAIGN_SK_PREFIX + campaignId;
    }

    /** Sort key of a dispatch record: one per (campaign, occurrence) under the customer's partition. */
    public static String dispatch(String campaignId, String occurrence) {
        return campaignId + "#" + occurrence;
    }

    /**
     * Partition key of an admin key item in the apps table: the key's SHA-256, so the key itself
     * is never stored and a lookup by the presented key finds its app (401 vs 403).
     */
    public static String adminKey(String keySha256Hex) {
        return "adminKey#" + keySha256Hex;
    }

    /** Partition key of a fanned-out RFM run's items in the apps table (app ids contain no '#'). */
    public static String rfmRun(String runId) {
        return "rfmRun#" + runId;
    }

    /**
     * Sort key of one app's result of one slice in one phase of a fanned-out RFM run
     * ({@code tally#00003#shop}), or of the merged model ({@code model#shop}) when slice is negative.
     */
    public static String rfmRunPart(String phase, int slice, String appId) {
        return slice < 0 ? phase + "#" + appId : String.format("%s#%05d#%s", phase, slice, appId);
    }

    /** Partition of one customer's abuse-limit counters in the apps table. */
    public static String limits(String appId, String customerId) {
        return "limit#" + appId + "#" + customerId;
    }

    /** Sort key of a customer's event counter of one UTC day (epoch day). */
    public static String eventsCounter(long epochDay) {
        return "events#" + epochDay;
    }

    /** Sort key of a customer's login counter of one UTC minute (epoch minute). */
    public static String loginsCounter(long epochMinute) {
        return "logins#" + epochMinute;
    }

    /** Partition key of a customer's items in the events and profiles tables. */
    public static String customer(String appId, String customerId) {
        return appId + "#" + customerId;
    }

    /** The app id of a customer partition key (app ids contain no '#'). */
    public static String appOf(String customerKey) {
        int i = customerKey.indexOf('#');
        if (i <= 0) {
            throw new IllegalArgumentException("not a customer key");
        }
        return customerKey.substring(0, i);
    }

    public static String customerOf(String customerKey) {
        return customerKey.substring(appOf(customerKey).length() + 1);
    }

    /** Sort key of one shard of an app's funnel sets of one local day (partition key: the app). */
    public static String funnelDaySets(java.time.LocalDate day, int shard) {
        return FUNNEL_DAY_SK_PREFIX + day + "#" + String.format("%02d", shard);
    }

    /** The lowest funnel-set sort key of {@code day}, for a range query. */
    public static String funnelDaySetsFrom(java.time.LocalDate day) {
        return FUNNEL_DAY_SK_PREFIX + day + "#";
    }

    /** Above every funnel-set sort key of {@code day}, for a range query. */
    public static String funnelDaySetsTo(java.time.LocalDate day) {
        return FUNNEL_DAY_SK_PREFIX + day + "#~";
    }

    /** The day of a funnel-set sort key. */
    public static java.time.LocalDate funnelDayOf(String sortKey) {
        return java.time.LocalDate.parse(sortKey.substring(FUNNEL_DAY_SK_PREFIX.length(),
                FUNNEL_DAY_SK_PREFIX.length() + 10));
    }

    /** Sort key of a feedback inbox item in the apps table (partition key: the app). */
    public static String feedback(String feedbackId) {
        return FEEDBACK_SK_PREFIX + feedbackId;
    }

    /** Sort key of the item that names a share's sharer (partition key: the app). */
    public static String share(String shareId) {
        return SHARE_SK_PREFIX + shareId;
    }

    /** The share id of a {@link #share} sort key. */
    public static String shareIdOf(String sortKey) {
        return sortKey.substring(SHARE_SK_PREFIX.length());
    }

    /** Sort key of one sharing record of a local day: {@code kind} s (share), o (open) or n (new customer). */
    public static String sharingDay(java.time.LocalDate day, String kind, String id) {
        return SHARING_DAY_SK_PREFIX + day + "#" + kind + "#" + id;
    }

    /** The lowest sharing-record sort key of {@code day}, for a range query. */
    public static String sharingDaysFrom(java.time.LocalDate day) {
        return SHARING_DAY_SK_PREFIX + day + "#";
    }

    /** Above every sharing-record sort key of {@code day}, for a range query. */
    public static String sharingDaysTo(java.time.LocalDate day) {
        return SHARING_DAY_SK_PREFIX + day + "#~";
    }

    /** The kind (s, o, n) of a {@link #sharingDay} sort key. */
    public static java.util.Optional<String> sharingKindOf(String sortKey) {
        int start = SHARING_DAY_SK_PREFIX.length() + 11;
        return sortKey.startsWith(SHARING_DAY_SK_PREFIX) && sortKey.length() > start + 1
                ? java.util.Optional.of(sortKey.substring(start, sortKey.indexOf('#', start))) : java.util.Optional.empty();
    }

    /** Sort key of the item that records a customer acquired through a sharer's share. */
    public static String referral(String sharerId, String customerId) {
        return REFERRAL_SK_PREFIX + sharerId + "#" + customerId;
    }

    /** The prefix of a sharer's {@link #referral} sort keys. */
    public static String referralsOf(String sharerId) {
        return REFERRAL_SK_PREFIX + sharerId + "#";
    }

    /** Sort key of an app's stage counts of one local day. */
    public static String stageDay(java.time.LocalDate day) {
        return STAGE_DAY_SK_PREFIX + day;
    }

    /** The day of a stage-counts sort key. */
    public static java.time.LocalDate stageDayOf(String sortKey) {
        return java.time.LocalDate.parse(sortKey.substring(STAGE_DAY_SK_PREFIX.length()));
    }

    /** The profiles table's index of customers by app and stage (sparse: tombstones have no stage). */
    public static final String STAGE_INDEX = "stage";
    /** The stage index's sort key attribute: {@code {stage}#{customerId}}. */
    public static final String STAGE_KEY = "stk";

    /** The stage index's sort key of a customer. */
    public static String stageKey(String stage, String customerId) {
        return stage + "#" + customerId;
    }

    /** The profiles table's index of customers by app and loyalty level (every profile, not tombstones). */
    public static final String LEVEL_INDEX = "level";
    /** The level index's sort key attribute: {@code {level}#{customerId}}, the level empty while the profile has none. */
    public static final String LEVEL_KEY = "lvk";

    /** The level index's sort key of a customer; {@code level} null (no points account yet) is the empty name. */
    public static String levelKey(String level, String customerId) {
        return (level == null ? "" : level) + "#" + customerId;
    }

    /** Sort key of an event chunk: first event time (sortable) and a digest of its event ids. */
    public static String eventChunk(long firstEventMillis, String eventIdsDigest) {
        return String.format("%013d#%s", firstEventMillis, eventIdsDigest);
    }
}
