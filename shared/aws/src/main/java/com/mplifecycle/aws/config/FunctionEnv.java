package com.mplifecycle.aws.config;

import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a function is wired from: its environment variables and its clock. In Lambda that is the
 * process environment and the system clock; the local runtime passes the variables it resolved
 * from the template and its controllable clock. The one configuration loader of the project.
 */
public record FunctionEnv(Map<String, String> variables, Clock clock) {
    public static final String EVENTS_TABLE = "EVENTS_TABLE";
    public static final String PROFILES_TABLE = "PROFILES_TABLE";
    public static final String APPS_TABLE = "APPS_TABLE";
    public static final String EVENT_BUS_NAME = "EVENT_BUS_NAME";
    public static final String DISPATCH_TABLE = "DISPATCH_TABLE";
    public static final String LOYALTY_TABLE = "LOYALTY_TABLE";
    public static final String SECRETS_ARN = "SECRETS_ARN";
    /** Tests and benchmarks only: the secrets document itself, fixed, instead of a Secrets Manager ARN. */
    public static final String LOCAL_SECRETS_JSON = "LOCAL_SECRETS_JSON";
    public static final String WECHAT_BASE_URL = "WECHAT_BASE_URL";
    public static final String EVENT_TTL_DAYS = "EVENT_TTL_DAYS";
    /** The operators' console's origin (https://host), the one origin the admin routes allow (CORS). */
    public static final String CONSOLE_ORIGIN = "CONSOLE_ORIGIN";
    /** At most this many invocations the daily RFM run fans out over, one slice of the profiles each (1 = one invocation). */
    public static final String RFM_INVOCATIONS_MAX = "RFM_INVOCATIONS_MAX";
    /** Profiles per invocation the daily RFM run is sized by: a smaller table fans out over fewer invocations. */
    public static final String RFM_CUSTOMERS_PER_INVOCATION = "RFM_CUSTOMERS_PER_INVOCATION";
    /** Keys a page of dispatch's due-index walk holds (one BatchGetItem), items a page of its backfill scan evaluates. */
    public static final String DISPATCH_PAGE_SIZE = "DISPATCH_PAGE_SIZE";
    /** Pages one dispatch invocation takes of a due-index shard or backfill segment before handing the rest on. */
    public static final String DISPATCH_PAGES_PER_INVOCATION = "DISPATCH_PAGES_PER_INVOCATION";

    public FunctionEnv {
        variables = Map.copyOf(variables);
        Objects.requireNonNull(clock, "clock");
    }

    /** The Lambda wiring: process environment, system clock. */
    public static FunctionEnv fromSystem() {
        return new FunctionEnv(System.getenv(), Clock.systemUTC());
    }

    public String required(String name) {
        String value = variables.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("environment variable " + name + " is not set");
        }
        return value;
    }

    public Optional<String> optional(String name) {
        String value = variables.get(name);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value);
    }

    public int integer(String name, int defaultValue) {
        return optional(name).map(Integer::parseInt).orElse(defaultValue);
    }
}
