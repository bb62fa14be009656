package com.mplifecycle.domain.orderfile;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;

import com.mplifecycle.domain.profile.CustomerIds;

/**
 * Reads one data line of an order file (CSV, amounts in currency units) into an
 * {@link ImportedOrder}, or says in a {@link RejectedLine} what is wrong with it. Never throws
 * for a bad line: an import reports each one and goes on.
 *
 * <p>Files without an order id column get a derived id: a digest of the customer, the payment time,
 * the amount in fen and the line itself. It is stable for the same file, so importing it again
 * finds the same ids; two identical lines are the same order (indistinguishable from a duplicate).
 */
public final class OrderLineParser {
    /** Customer ids used as given: what fits in a key next to the app id. */
    static final Pattern CUSTOMER_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    static final int MAX_OPENID = 128;
    /** As long as a live {@code order_paid} orderId may be, so the two can meet. */
    static final int MAX_ORDER_ID = 256;
    /** Far above any real order, far below overflowing the sums of a profile. */
    static final long MAX_AMOUNT_FEN = 1_000_000_000_000L;
    /** As live ingestion: clocks differ a little, but an order paid tomorrow is a mistake. */
    static final Duration FUTURE_TOLERANCE = Duration.ofHours(24);
    private static final BigDecimal FEN_PER_UNIT = BigDecimal.valueOf(100);

    private final OrderFileLayout layout;
    private final String appId;
    private final ZoneId zone;
    private final Instant latest;

    public OrderLineParser(OrderFileLayout layout, String appId, ZoneId zone, Instant now) {
        if (!CustomerIds.isValidAppId(appId)) {
            throw new IllegalArgumentException("invalid app id: " + appId);
        }
        this.layout = layout;
        this.appId = appId;
        this.zone = zone;
        this.latest = now.plus(FUTURE_TOLERANCE);
    }

    public ParsedLine parse(int lineNumber, String line) {
        try {
            return order(lineNumber, line);
        } catch (IllegalArgumentException | ArithmeticException e) {
            return new RejectedLine(lineNumber, e.getMessage());
        }
    }

    private ImportedOrder order(int lineNumber, String line) {
        List<String> fields = CsvLine.split(line);
        // a line wider or narrower than the header is misaligned (an unquoted decimal comma, a stray
        // separator): reading it anyway could take the wrong column as the amount
        if (fields.size() != layout.fields()) {
            throw new IllegalArgumentException("expected " + layout.fields() + " fields as in the header, found "
                    + fields.size());
        }
        String customerValue = fields.get(layout.customer()).trim();
        String openid = layout.byOpenid() ? openid(customerValue) : null;
        String customerId = layout.byOpenid() ? CustomerIds.of(appId, openid) : customerId(customerValue);
        Instant paidAt = OrderTime.parse(fields.get(layout.date()), zone);
        if (paidAt.isAfter(latest)) {
            throw new IllegalArgumentException("paid in the future: " + fields.get(layout.date()).trim());
        }
        long fen = amountFen(fields.get(layout.amount()).trim());
        String orderId = layout.derivesOrderIds() ? derivedId(customerId, paidAt, fen, line)
                : orderId(fields.get(layout.order()).trim());
        return new ImportedOrder(lineNumber, customerId, openid, orderId, paidAt, fen);
    }

    private static String customerId(String value) {
        if (value.isEmpty()) {
            throw new IllegalArgumentException("customer id is empty");
        }
        if (!CUSTOMER_ID.matcher(value).matches()) {
            throw new IllegalArgumentException("customer id must be 1-64 letters, digits, '_' or '-': '"
                    + abbreviate(value) + "'");
        }
        return value;
    }

    private static String openid(String value) {
        if (value.isEmpty()) {
            throw new IllegalArgumentException("openid is empty");
        }
        if (value.length() > MAX_OPENID || value.chars().anyMatch(c -> Character.isWhitespace(c)
                || Character.isISOControl(c))) {
            throw new IllegalArgumentException("openid must be at most " + MAX_OPENID
                    + " characters without blanks: '" + abbreviate(value) + "'");
        }
        return value;
    }

    private static long amountFen(String value) {
        BigDecimal amount;
        try {
            amount = new BigDecimal(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("amount is not a number: '" + abbreviate(value) + "'", e);
        }
        if (amount.signum() < 0) {
            throw new IllegalArgumentException("amount is negative: " + value + " (import paid orders only)");
        }
        BigDecimal fen = amount.multiply(FEN_PER_UNIT).setScale(0, RoundingMode.HALF_UP);
        if (fen.compareTo(BigDecimal.valueOf(MAX_AMOUNT_FEN)) > 0) {
            throw new IllegalArgumentException("amount is too large: " + abbreviate(value));
        }
        return fen.longValueExact();
    }

    private static String orderId(String value) {
        if (value.isEmpty()) {
            throw new IllegalArgumentException("order id is empty");
        }
        if (value.length() > MAX_ORDER_ID) {
            throw new IllegalArgumentException("order id is longer than " + MAX_ORDER_ID + " characters");
        }
        return value;
    }

    private static String derivedId(String customerId, Instant paidAt, long fen, String line) {
        String content = customerId + "\n" + paidAt.toEpochMilli() + "\n" + fen + "\n" + line.strip();
        try {
            byte[] sha = MessageDigest.getInstance("SHA-256").digest(content.getBytes(StandardCharsets.UTF_8));
            return "line_" + HexFormat.of().formatHex(sha, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private static String abbreviate(String value) {
        return value.length() <= 40 ? value : value.substring(0, 40) + "…";
    }
}
