package com.mplifecycle.local.demo;

import java.util.Random;

/** The simulated customers of the demo, after the seed scenarios; each decides its own days. */
enum CustomerKind {
    /** Looks around a few times in the first days, never buys. */
    BROWSER(0.25),
    /** Buys once in the first week, then fades away. */
    ONE_TIME_BUYER(0.20),
    /** Comes every week and buys. */
    WEEKLY_BUYER(0.15),
    /** Regular for the first weeks, then drifts off. */
    DRIFTING_REGULAR(0.15),
    /** Fills the cart and leaves without paying. */
    CART_ABANDONER(0.15),
    /** Checks in daily for the streak. */
    CHECK_IN_FAN(0.10);

    private final double share;

    CustomerKind(double share) {
        this.share = share;
    }

    static CustomerKind pick(Random random) {
        double r = random.nextDouble();
        for (CustomerKind k : values()) {
            r -= k.share;
            if (r < 0) {
                return k;
            }
        }
        return BROWSER;
    }

    /** Whether a customer of this kind who started on {@code start} comes back on {@code day}. */
    boolean activeOn(int day, int start, Random random) {
        int age = day - start;
        if (age < 0) {
            return false;
        }
        if (age == 0) {
            return true;
        }
        return switch (this) {
            case BROWSER -> age < 10 && random.nextDouble() < 0.2;
            case ONE_TIME_BUYER -> age < 7 && random.nextDouble() < 0.3;
            case WEEKLY_BUYER -> age % 7 == 0 || random.nextDouble() < 0.1;
            case DRIFTING_REGULAR -> age < 21 ? random.nextDouble() < 0.6 : random.nextDouble() < 0.02;
            case CART_ABANDONER -> age < 14 && random.nextDouble() < 0.25;
            case CHECK_IN_FAN -> random.nextDouble() < 0.9;
        };
    }

    /** Whether this visit ends in a paid order. */
    boolean buysOn(int day, int start, boolean boughtBefore, Random random) {
        int age = day - start;
        return switch (this) {
            case ONE_TIME_BUYER -> !boughtBefore && age >= 1 && random.nextDouble() < 0.5;
            case WEEKLY_BUYER -> age % 7 == 0;
            case DRIFTING_REGULAR -> random.nextDouble() < 0.3;
            case CHECK_IN_FAN -> random.nextDouble() < 0.05;
            default -> false;
        };
    }
}
