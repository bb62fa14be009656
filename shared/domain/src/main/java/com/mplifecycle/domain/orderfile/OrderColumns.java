package com.mplifecycle.domain.orderfile;

import java.util.List;

/**
 * The column names an operator asked for (null: not asked, use the default if the header has it).
 * The customer is named by exactly one of {@code customer} (ids used as given) and {@code openid}
 * (ids derived per app); with neither, a {@code customerId} or else an {@code openid} column is
 * used. Without {@code order}, an {@code orderId} column is used if present, else ids are derived.
 */
public record OrderColumns(String customer, String openid, String date, String amount, String order) {
    public static final String DEFAULT_CUSTOMER = "customerId";
    public static final String DEFAULT_OPENID = "openid";
    public static final String DEFAULT_DATE = "date";
    public static final String DEFAULT_AMOUNT = "amount";
    public static final String DEFAULT_ORDER = "orderId";

    public OrderColumns {
        if (customer != null && openid != null) {
            throw new IllegalArgumentException("name the customer by customer id or by openid, not both");
        }
        date = date == null ? DEFAULT_DATE : date;
        amount = amount == null ? DEFAULT_AMOUNT : amount;
    }

    public static OrderColumns defaults() {
        return new OrderColumns(null, null, null, null, null);
    }

    /** Where these columns are in a file with this header. */
    public OrderFileLayout locate(List<String> header) {
        boolean byOpenid;
        int customerIndex;
        if (customer != null || openid != null) {
            byOpenid = openid != null;
            customerIndex = required(header, byOpenid ? openid : customer);
        } else if (header.contains(DEFAULT_CUSTOMER)) {
            byOpenid = false;
            customerIndex = header.indexOf(DEFAULT_CUSTOMER);
        } else if (header.contains(DEFAULT_OPENID)) {
            byOpenid = true;
            customerIndex = header.indexOf(DEFAULT_OPENID);
        } else {
            throw new IllegalArgumentException("no " + DEFAULT_CUSTOMER + " or " + DEFAULT_OPENID
                    + " column in the header " + header + "; name one with --customer-col or --openid-col");
        }
        int orderIndex = order != null ? required(header, order) : header.indexOf(DEFAULT_ORDER);
        return new OrderFileLayout(customerIndex, byOpenid, required(header, date), required(header, amount),
                orderIndex < 0 ? OrderFileLayout.DERIVED : orderIndex, header.size());
    }

    private static int required(List<String> header, String name) {
        int i = header.indexOf(name);
        if (i < 0) {
            throw new IllegalArgumentException("no column " + name + " in the header " + header);
        }
        return i;
    }
}
