package com.mplifecycle.devtools.streams;

import java.util.Set;

/**
 * One {@code Type: DynamoDB} event of a function in the template: the event source mapping's settings.
 *
 * <p>Ranges are Lambda's, so a template that runs here also deploys.
 *
 * @param tableName table whose stream is read
 * @param streamArn the table's LatestStreamArn in DynamoDB Local
 * @param batchSize BatchSize, 1..10000 (Lambda's default is 100)
 * @param maxBatchingWindowSeconds MaximumBatchingWindowInSeconds, 0..300; 0 invokes as soon as records arrive
 * @param startingPosition TRIM_HORIZON or LATEST
 * @param reportBatchItemFailures FunctionResponseTypes contains ReportBatchItemFailures
 * @param bisectOnError BisectBatchOnFunctionError
 * @param maxRetryAttempts MaximumRetryAttempts, -1 (infinite) or 0..10000
 * @param maxRecordAgeSeconds MaximumRecordAgeInSeconds, -1 (infinite) or 60..604800
 * @param functionName the consuming function, for the on-failure record's functionArn
 * @param awsRegion region put in each record and ARN (DynamoDB Local itself says "ddblocal")
 */
public record StreamSourceConfig(String tableName, String streamArn, int batchSize, int maxBatchingWindowSeconds,
        String startingPosition, boolean reportBatchItemFailures, boolean bisectOnError, int maxRetryAttempts,
        int maxRecordAgeSeconds, String functionName, String awsRegion) {
    private static final Set<String> POSITIONS = Set.of("TRIM_HORIZON", "LATEST");

    public StreamSourceConfig {
        require(tableName != null && !tableName.isBlank(), "tableName is required");
        require(streamArn != null && !streamArn.isBlank(), "streamArn is required (is the table's stream enabled?)");
        require(functionName != null && !functionName.isBlank(), "functionName is required");
        require(awsRegion != null && !awsRegion.isBlank(), "awsRegion is required");
        require(batchSize >= 1 && batchSize <= 10_000, "BatchSize must be 1..10000: " + batchSize);
        require(maxBatchingWindowSeconds >= 0 && maxBatchingWindowSeconds <= 300,
                "MaximumBatchingWindowInSeconds must be 0..300: " + maxBatchingWindowSeconds);
        require(POSITIONS.contains(startingPosition), "StartingPosition must be TRIM_HORIZON or LATEST: "
                + startingPosition);
        require(maxRetryAttempts >= -1 && maxRetryAttempts <= 10_000,
                "MaximumRetryAttempts must be -1..10000: " + maxRetryAttempts);
        require(maxRecordAgeSeconds == -1 || (maxRecordAgeSeconds >= 60 && maxRecordAgeSeconds <= 604_800),
                "MaximumRecordAgeInSeconds must be -1 or 60..604800: " + maxRecordAgeSeconds);
    }

    /** Lambda's defaults: batches of 100, no window, TRIM_HORIZON, retry forever, no partial failures. */
    public static StreamSourceConfig defaults(String tableName, String streamArn, String functionName,
            String awsRegion) {
        return new StreamSourceConfig(tableName, streamArn, 100, 0, "TRIM_HORIZON", false, false, -1, -1,
                functionName, awsRegion);
    }

    /** The ARN the on-failure record names; the account is DynamoDB Local's. */
    public String functionArn() {
        return "arn:aws:lambda:" + awsRegion + ":000000000000:function:" + functionName;
    }

    boolean retriesForever() {
        return maxRetryAttempts == -1;
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
