package com.mplifecycle.bench;

/** Published us-east-1 on-demand prices used by figures 3 and 9 (USD; pages cited in BENCHMARKS.md). */
final class Prices {
    /** API Gateway HTTP API, first 300 million requests a month: $1.00 per million. */
    static final double HTTP_API_PER_REQUEST = 1.00 / 1e6;
    /** Lambda, any architecture: $0.20 per million requests. */
    static final double LAMBDA_PER_REQUEST = 0.20 / 1e6;
    /** Lambda arm64, first 7.5 billion GB-seconds a month: $0.0000133334 per GB-second. */
    static final double LAMBDA_ARM_PER_GB_SECOND = 0.0000133334;
    /** DynamoDB on-demand: $0.625 per million write request units. */
    static final double DYNAMODB_PER_WRITE_UNIT = 0.625 / 1e6;
    /** DynamoDB on-demand: $0.125 per million read request units. */
    static final double DYNAMODB_PER_READ_UNIT = 0.125 / 1e6;
    /** EventBridge custom events: $1.00 per million (each 64 KB chunk of an entry). */
    static final double EVENTBRIDGE_PER_EVENT = 1.00 / 1e6;
    /** CloudWatch Logs ingestion (standard): $0.50 per GB; shown beside the figure, not in it. */
    static final double LOGS_PER_GB = 0.50;
    /** The anchor: Clickstream Analytics on AWS, ingestion only, per million events. */
    static final double CLICKSTREAM_ANCHOR_PER_MILLION = 0.34;

    private Prices() {
    }
}
