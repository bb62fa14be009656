package com.mplifecycle.domain.orderfile;

/**
 * Column indexes of an order file with {@code fields} columns in its header; {@code order} is
 * {@link #DERIVED} when the file has no order ids.
 */
public record OrderFileLayout(int customer, boolean byOpenid, int date, int amount, int order, int fields) {
    public static final int DERIVED = -1;

    public boolean derivesOrderIds() {
        return order == DERIVED;
    }
}
