package com.mplifecycle.domain.lifecycle;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import com.mplifecycle.domain.profile.Cart;
import com.mplifecycle.domain.profile.CustomerProfile;
import com.mplifecycle.domain.profile.Demographics;
import com.mplifecycle.domain.profile.Order;

/**
 * The size budget of one stored profile: every history the profile keeps is bounded by count and
 * by its JSON size (estimated from above: 6 bytes per character that is not plain ASCII, the most
 * any JSON writer spends on one), so that the stored item stays under {@link #BUDGET_BYTES}
 * whatever a customer sends, well under DynamoDB's 400 KB item limit. Honest customers never reach
 * these bounds; docs/data-model.md says what happens at each. Orders are bounded by
 * {@link ProfilePruner} (summed per day beyond {@link #ORDERS_KEPT}), the rest here.
 */
public final class ProfileBounds {
    /** The stored item's size (deflated document included) stays under this. */
    public static final int BUDGET_BYTES = 100_000;
    /** Paid orders kept one by one (newest first), and the JSON those may take. */
    public static final int ORDERS_KEPT = 500;
    static final int ORDER_BYTES = 24_000;
    /** Refunds of orders not (yet) paid, kept newest first. */
    static final int PENDING_REFUND_ORDERS = 20;
    static final int PENDING_REFUND_BYTES = 4_000;
    /** Refunds kept per order; later distinct ones are ignored. */
    static final int REFUNDS_PER_ORDER = 20;
    /** Distinct skus in the cart; a new sku beyond this is ignored. */
    public static final int CART_SKUS = 200;
    static final int CART_BYTES = 12_000;
    /** Templates holding credits, credits in all, and their JSON. */
    public static final int CREDIT_TEMPLATES = 100;
    public static final int CREDITS = 300;
    static final int CREDIT_BYTES = 16_000;
    /** Spent grants remembered (newest first, within {@link ProfilePruner#SPENT_GRANTS_KEPT}). */
    static final int SPENT_GRANTS = 100;
    static final int SPENT_GRANT_BYTES = 12_000;
    /** Tags kept of a profile_update, in order. */
    public static final int TAGS = 50;
    static final int TAG_BYTES = 4_000;

    private ProfileBounds() {
    }

    /** An upper bound of the bytes a JSON string of {@code s} takes, quotes included. */
    static int jsonBytes(String s) {
        int n = 2;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            n += c == '"' || c == '\\' ? 2 : c >= 0x20 && c < 0x7f ? 1 : 6;
        }
        return n;
    }

    static int orderBytes(Order o) {
        int n = jsonBytes(o.orderId()) + 80;
        for (String refundId : o.refunds().keySet()) {
            n += jsonBytes(refundId) + 24;
        }
        return n;
    }

    /** Whether a refund {@code refundId} may still be added to {@code order}. */
    static boolean takesRefund(Order order, String refundId) {
        return order.refunds().size() < REFUNDS_PER_ORDER || order.refunds().containsKey(refundId);
    }

    /** Whether the cart can take a line for {@code sku} (one it holds already, or room for another). */
    static boolean takesSku(Cart cart, String sku) {
        if (cart == null || cart.quantities().containsKey(sku)) {
            return true;
        }
        return cart.quantities().size() < CART_SKUS && cartBytes(cart) + jsonBytes(sku) + 24 <= CART_BYTES;
    }

    /** Tags as kept: the first ones, up to {@link #TAGS} and their byte bound. */
    static List<String> tags(List<String> tags) {
        List<String> kept = new ArrayList<>();
        int bytes = 0;
        for (String tag : tags) {
            bytes += jsonBytes(tag) + 1;
            if (kept.size() == TAGS || bytes > TAG_BYTES) {
                break;
            }
            kept.add(tag);
        }
        return kept.size() == tags.size() ? tags : List.copyOf(kept);
    }

    /**
     * Credits within their bounds. While over, one credit goes: the oldest of the template holding
     * the most (ties: the greatest template id), among templates the current event did not grant
     * ({@code justGranted}) while there are any, so that the latest accept always holds.
     */
    static Map<String, List<String>> credits(Map<String, List<String>> grants, Set<String> justGranted) {
        if (withinCreditBounds(grants)) {
            return grants;
        }
        Map<String, List<String>> bounded = new TreeMap<>();
        grants.forEach((t, g) -> bounded.put(t, new ArrayList<>(g)));
        while (!withinCreditBounds(bounded)) {
            boolean others = bounded.keySet().stream().anyMatch(t -> !justGranted.contains(t));
            String victim = bounded.entrySet().stream()
                    .filter(e -> !others || !justGranted.contains(e.getKey()))
                    .max(Comparator.comparingInt((Map.Entry<String, List<String>> e) -> e.getValue().size())
                            .thenComparing(Map.Entry::getKey))
                    .orElseThrow().getKey();
            List<String> list = bounded.get(victim);
            list.remove(0);
            if (list.isEmpty()) {
                bounded.remove(victim);
            }
        }
        return bounded;
    }

    private static boolean withinCreditBounds(Map<String, List<String>> grants) {
        if (grants.size() > CREDIT_TEMPLATES) {
            return false;
        }
        int count = 0;
        int bytes = 0;
        for (Map.Entry<String, List<String>> e : grants.entrySet()) {
            bytes += jsonBytes(e.getKey()) + 4;
            for (String grant : e.getValue()) {
                count++;
                bytes += jsonBytes(grant) + 1;
            }
        }
        return count <= CREDITS && bytes <= CREDIT_BYTES;
    }

    /** The profile's histories other than orders within their bounds (a profile stored before them, too). */
    static CustomerProfile bound(CustomerProfile p) {
        CustomerProfile.Builder b = p.toBuilder();
        b.creditGrants(credits(p.creditGrants(), Set.of()));
        b.spentGrants(spentGrants(p.spentGrants()));
        if (p.cart() != null && (p.cart().quantities().size() > CART_SKUS || cartBytes(p.cart()) > CART_BYTES)) {
            b.cart(boundedCart(p.cart()));
        }
        Demographics d = p.demographics();
        if (d != null && tags(d.tags()) != d.tags()) {
            b.demographics(new Demographics(d.birthday(), d.gender(), d.region(), tags(d.tags()), d.updatedAt()));
        }
        return b.build();
    }

    private static int cartBytes(Cart cart) {
        int n = 0;
        for (String sku : cart.quantities().keySet()) {
            n += jsonBytes(sku) + 24;
        }
        return n;
    }

    /** A cart over the bounds (stored before them) keeps its value and time and the first skus in order. */
    private static Cart boundedCart(Cart cart) {
        Map<String, Long> kept = new HashMap<>();
        int bytes = 0;
        for (Map.Entry<String, Long> line : new TreeMap<>(cart.quantities()).entrySet()) {
            bytes += jsonBytes(line.getKey()) + 24;
            if (kept.size() == CART_SKUS || bytes > CART_BYTES) {
                break;
            }
            kept.put(line.getKey(), line.getValue());
        }
        return new Cart(kept, cart.valueFen(), cart.updatedAt());
    }

    private static Map<String, Long> spentGrants(Map<String, Long> spent) {
        if (spent.size() <= SPENT_GRANTS && spent.keySet().stream().mapToInt(g -> jsonBytes(g) + 16).sum()
                <= SPENT_GRANT_BYTES) {
            return spent;
        }
        Map<String, Long> kept = new HashMap<>();
        int bytes = 0;
        for (Map.Entry<String, Long> e : spent.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .toList()) {
            bytes += jsonBytes(e.getKey()) + 16;
            if (kept.size() == SPENT_GRANTS || bytes > SPENT_GRANT_BYTES) {
                break;
            }
            kept.put(e.getKey(), e.getValue());
        }
        return kept;
    }
}
