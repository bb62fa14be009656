package com.mplifecycle.local.importer;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.mplifecycle.aws.json.Json;

import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The time of the system an import writes to, read once and then followed on this machine's clock:
 * the local runtime's controllable clock can stand days ahead of the wall clock, and an operator's
 * machine can be off from AWS's.
 */
final class TargetClock {
    private TargetClock() {
    }

    /** A clock that reads {@code targetNow} now and runs on with {@code local}. */
    static Clock following(Instant targetNow, Clock local) {
        return Clock.offset(local, Duration.between(local.instant(), targetNow));
    }

    /** {@code GET /_local/clock} of a running {@code ./run-local}. */
    static Instant runtimeTime(URI runtime) throws ImportTarget.UnavailableException {
        URI clock = runtime.resolve("/_local/clock");
        try {
            HttpResponse<String> response = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build()
                    .send(HttpRequest.newBuilder(clock).timeout(Duration.ofSeconds(5)).GET().build(),
                            HttpResponse.BodyHandlers.ofString());
            JsonNode now = Json.read(response.body(), JsonNode.class).path("now");
            if (response.statusCode() != 200 || !now.isTextual()) {
                throw new ImportTarget.UnavailableException(clock + " answered " + response.statusCode()
                        + " without now");
            }
            return Instant.parse(now.asText());
        } catch (IOException | IllegalArgumentException | DateTimeParseException e) {
            throw new ImportTarget.UnavailableException("cannot read the runtime's clock at " + clock + " ("
                    + e.getMessage() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ImportTarget.UnavailableException("interrupted while asking " + clock);
        }
    }

    /**
     * AWS's time: the {@code Date} header of DynamoDB's answer to describing the profiles table (an
     * error answer carries one too, so a missing permission or table still gives the time).
     */
    static Instant awsTime(DynamoDbClient client, String table) throws ImportTarget.UnavailableException {
        SdkHttpResponse response;
        try {
            response = client.describeTable(b -> b.tableName(table)).sdkHttpResponse();
        } catch (AwsServiceException e) {
            response = e.awsErrorDetails() == null ? null : e.awsErrorDetails().sdkHttpResponse();
        }
        Optional<Instant> date = response == null ? Optional.empty() : response.firstMatchingHeader("Date")
                .flatMap(TargetClock::httpDate);
        return date.orElseThrow(() -> new ImportTarget.UnavailableException(
                "DynamoDB's answer carried no Date header to judge order times by"));
    }

    /** An HTTP {@code Date} value (RFC 1123), or empty if it is not one. */
    static Optional<Instant> httpDate(String value) {
        try {
            return Optional.of(ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
