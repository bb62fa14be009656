package com.mplifecycle.domain.rfm;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Objects;

/** One order in an imported order history, as the offline analysis reads it. */
public record OrderRow(String customerId, Order order) {

    private static final BigDecimal FEN_PER_UNIT = BigDecimal.valueOf(100);

    public OrderRow {
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(order, "order");
        if (customerId.isBlank()) {
            throw new IllegalArgumentException("customerId must not be blank");
        }
    }

    public static OrderRow of(String customerId, LocalDate date, long amountFen) {
        return new OrderRow(customerId, Order.of(date, amountFen));
    }

    /** An order whose amount is in currency units (yuan, pounds), rounded half-up to fen. */
    public static OrderRow ofCurrencyUnits(String customerId, LocalDate date, BigDecimal amount) {
        long fen = amount.multiply(FEN_PER_UNIT).setScale(0, RoundingMode.HALF_UP).longValueExact();
        return of(customerId, date, fen);
    }
}
