package com.mplifecycle.devtools.invoke;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;

/**
 * The {@link Context} of one local invocation: a fresh request id and a deadline that starts now.
 *
 * <p>Create one per invocation, as Lambda does. Immutable apart from the clock it reads.
 */
public final class LocalContext implements Context {
    /** Account id DynamoDB Local also uses in its ARNs. */
    public static final String LOCAL_ACCOUNT = "000000000000";
    /** Parsed once: a context is made per invocation, on the measured path of the benchmarks. */
    private static final DateTimeFormatter LOG_STREAM_DAY = DateTimeFormatter.ofPattern("yyyy/MM/dd");

    private final String requestId;
    private final String functionName;
    private final String region;
    private final int memoryLimitInMb;
    private final Instant deadline;
    private final Clock clock;
    private final LambdaLogger logger;
    private final Instant started;

    private LocalContext(String functionName, String region, int memoryLimitInMb, Duration timeout, Clock clock) {
        this.requestId = requestId();
        this.functionName = functionName;
        this.region = region;
        this.memoryLimitInMb = memoryLimitInMb;
        this.clock = clock;
        this.started = clock.instant();
        this.deadline = started.plus(timeout);
        this.logger = new StdoutLambdaLogger(functionName, requestId);
    }

    /**
     * A version-4 UUID, as Lambda's request ids are. An id names an invocation and guards nothing, so
     * it comes from the thread's PRNG: {@code UUID.randomUUID} reads the shared SecureRandom, whose
     * lock the concurrent invocations of the local runtime and the benchmarks contend on.
     */
    private static String requestId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long msb = (random.nextLong() & ~0xF000L) | 0x4000L;
        long lsb = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(msb, lsb).toString();
    }

    /** A context whose deadline is {@code timeout} from now (the template's Timeout). */
    public static LocalContext start(String functionName, String region, int memoryLimitInMb, Duration timeout) {
        return start(functionName, region, memoryLimitInMb, timeout, Clock.systemUTC());
    }

    public static LocalContext start(String functionName, String region, int memoryLimitInMb, Duration timeout,
            Clock clock) {
        if (functionName == null || functionName.isBlank()) {
            throw new IllegalArgumentException("functionName is required");
        }
        if (memoryLimitInMb <= 0 || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("memory and timeout must be positive");
        }
        return new LocalContext(functionName, region, memoryLimitInMb, timeout, clock);
    }

    @Override
    public String getAwsRequestId() {
        return requestId;
    }

    @Override
    public String getLogGroupName() {
        return "/aws/lambda/" + functionName;
    }

    @Override
    public String getLogStreamName() {
        // formatted when asked: few handlers ask, and a context is made per invocation
        return LocalDate.ofInstant(started, ZoneOffset.UTC).format(LOG_STREAM_DAY) + "/[$LATEST]"
                + requestId.replace("-", "");
    }

    @Override
    public String getFunctionName() {
        return functionName;
    }

    @Override
    public String getFunctionVersion() {
        return "$LATEST";
    }

    @Override
    public String getInvokedFunctionArn() {
        return "arn:aws:lambda:" + region + ":" + LOCAL_ACCOUNT + ":function:" + functionName;
    }

    @Override
    public CognitoIdentity getIdentity() {
        return null;
    }

    @Override
    public ClientContext getClientContext() {
        return null;
    }

    @Override
    public int getRemainingTimeInMillis() {
        long left = Duration.between(clock.instant(), deadline).toMillis();
        return (int) Math.max(0, Math.min(Integer.MAX_VALUE, left));
    }

    @Override
    public int getMemoryLimitInMB() {
        return memoryLimitInMb;
    }

    @Override
    public LambdaLogger getLogger() {
        return logger;
    }
}
