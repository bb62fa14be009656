package com.mplifecycle.domain.campaign;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.mplifecycle.domain.profile.CustomerProfile;

/**
 * {@code {{name}}} placeholders in keyword values, filled from the profile at send time. Each has a
 * sample (its longest usual value) so a campaign is checked against WeChat's keyword rules when it is
 * saved, not first at send time. A placeholder the profile cannot fill renders as {@code -}.
 */
public final class Placeholders {
    private static final Pattern TOKEN = Pattern.compile("\\{\\{\\s*([A-Za-z]+)\\s*}}");

    /** What a placeholder reads, given the profile and the local date. */
    private interface Reader {
        /** The value, or null when the profile has none. */
        String read(CustomerProfile p, ZoneId zone, LocalDate today);
    }

    private record Source(String sample, Reader read) {
    }

    private static final Map<String, Source> SOURCES = Map.of(
            "cartValue", new Source("¥99999.99", (p, z, d) -> p.cart() == null ? null : yuan(p.cart().valueFen())),
            "cartItems", new Source("99", (p, z, d) -> p.cart() == null ? null
                    : Long.toString(p.cart().quantities().values().stream().mapToLong(Long::longValue).sum())),
            "streak", new Source("365", (p, z, d) -> p.checkIn() == null ? null : Integer.toString(p.checkIn().length())),
            "orders", new Source("999", (p, z, d) -> Long.toString(p.paidOrders())),
            "today", new Source("2026年12月31日", (p, z, d) -> chinese(d)),
            "firstOrderDate", new Source("2026年12月31日", (p, z, d) -> date(p.firstOrderAt(), z)),
            "lastOrderDate", new Source("2026年12月31日", (p, z, d) -> date(p.lastOrderAt(), z)));

    private Placeholders() {
    }

    /** Names used in {@code value} that no profile field fills. */
    public static List<String> unknown(String value) {
        return names(value).stream().filter(n -> !SOURCES.containsKey(n)).toList();
    }

    /** The value with every placeholder replaced by its sample. */
    public static String sample(String value) {
        return replace(value, name -> SOURCES.containsKey(name) ? SOURCES.get(name).sample() : "-");
    }

    public static String render(String value, CustomerProfile p, Instant now, ZoneId zone) {
        LocalDate today = LocalDate.ofInstant(now, zone);
        return replace(value, name -> {
            Source s = SOURCES.get(name);
            String v = s == null ? null : s.read().read(p, zone, today);
            return v == null ? "-" : v;
        });
    }

    private static List<String> names(String value) {
        Matcher m = TOKEN.matcher(value);
        List<String> found = new java.util.ArrayList<>();
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }

    private static String replace(String value, Function<String, String> with) {
        Matcher m = TOKEN.matcher(value);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(with.apply(m.group(1))));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String yuan(long fen) {
        return String.format("¥%d.%02d", fen / 100, fen % 100);
    }

    private static String chinese(LocalDate d) {
        return d.getYear() + "年" + d.getMonthValue() + "月" + d.getDayOfMonth() + "日";
    }

    private static String date(Instant at, ZoneId zone) {
        return at == null ? null : chinese(LocalDate.ofInstant(at, zone));
    }
}
