package com.mplifecycle.bench;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

import com.mplifecycle.aws.store.LoyaltyStore;
import com.mplifecycle.aws.store.RewardStore;
import com.mplifecycle.devtools.sandbox.LocalAws;
import com.mplifecycle.domain.loyalty.LoyaltyRules;
import com.mplifecycle.domain.loyalty.LoyaltySettings;
import com.mplifecycle.domain.loyalty.Reward;
import com.mplifecycle.functions.loyalty.Accounts;

/**
 * Figure 10, loyalty: write units per earning (a server order's points, a check-in) as DynamoDB Local
 * reports them for the one transaction that writes the entry and the account; and redemptions per
 * second through the production read-decide-commit path ({@link Accounts}), many threads on one reward
 * item and a few accounts, with the share of commits that lost a race and were decided again.
 */
final class LoyaltyBench {
    private static final Instant NOW = Instant.parse("2026-03-10T04:00:00Z");
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    record Result(int earnings, double wcuPerOrder, double wcuPerCheckIn, int threads, int accounts,
                  int attempts, int redeemed, int refused, long gaveUp, long conflicts, double conflictRate,
                  double redemptionsPerSecond, long stockBefore, long stockAfter) {
    }

    Result run(int earnings, int threads, int accountsCount, int attemptsPerThread) throws Exception {
        try (LocalAws aws = LocalAws.start()) {
            LoyaltyStore store = new LoyaltyStore(aws.client(), "LoyaltyTable");
            RewardStore rewards = new RewardStore(aws.client(), "AppsTable");
            Accounts accounts = new Accounts(store);
            LoyaltyRules rules = new LoyaltyRules(LoyaltySettings.DEFAULTS, ZONE);
            double orderUnits = 0;
            double checkInUnits = 0;
            for (int i = 0; i < earnings; i++) {
                String customer = "c_e" + i;
                String orderId = "o" + i;
                orderUnits += units(accounts.apply("bench", customer,
                        a -> rules.orderPaid(a, orderId, NOW, 12_800, NOW)));
                checkInUnits += units(accounts.apply("bench", customer,
                        a -> rules.checkIn(a, rules.today(NOW), false, NOW)));
            }
            // redemptions: every thread on the same reward, a few accounts shared by the threads
            int attempts = threads * attemptsPerThread;
            long stock = attempts * 3L / 4; // some run out of stock at the end
            Reward reward = new Reward("mug", "Mug", 10, stock, null, true);
            rewards.put("bench", reward);
            for (int a = 0; a < accountsCount; a++) {
                String customer = "c_r" + a;
                int n = a;
                accounts.apply("bench", customer, acc -> rules.adjust(acc, 10L * attempts, "seed", "seed-" + n, NOW));
            }
            long conflictsBefore = accounts.conflicts();
            AtomicLong redeemed = new AtomicLong();
            AtomicLong refused = new AtomicLong();
            AtomicLong gaveUp = new AtomicLong();
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            long started = System.nanoTime();
            try {
                List<Future<?>> work = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    int thread = t;
                    work.add(pool.submit(() -> {
                        for (int i = 0; i < attemptsPerThread; i++) {
                            String customer = "c_r" + ((thread + i) % accountsCount);
                            String requestId = "t" + thread + "-" + i;
                            Accounts.Applied applied;
                            try {
                                applied = accounts.apply("bench", customer,
                                        a -> rules.redeem(a, reward, requestId, NOW),
                                        List.of(rewards.takeOne("bench", reward)), "out of stock");
                            } catch (com.mplifecycle.aws.store.StoreUnavailableException e) {
                                gaveUp.incrementAndGet(); // the API answers 503: retry the same requestId
                                continue;
                            }
                            if (applied instanceof Accounts.Applied.Done) {
                                redeemed.incrementAndGet();
                            } else {
                                refused.incrementAndGet();
                            }
                        }
                        return null;
                    }));
                }
                for (Future<?> f : work) {
                    f.get();
                }
            } finally {
                pool.shutdownNow();
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            long conflicts = accounts.conflicts() - conflictsBefore;
            long stockAfter = rewards.get("bench", "mug").orElseThrow().stock();
            if (stock - stockAfter != redeemed.get() || stockAfter < 0) {
                Report.failures.add("loyalty: stock " + stock + " → " + stockAfter + " but " + redeemed.get()
                        + " redemptions succeeded");
            }
            return new Result(earnings, orderUnits / earnings, checkInUnits / earnings, threads, accountsCount, attempts,
                    (int) redeemed.get(), (int) refused.get(), gaveUp.get(), conflicts,
                    conflicts / (double) (conflicts + attempts), redeemed.get() / seconds, stock, stockAfter);
        }
    }

    private static double units(Accounts.Applied applied) {
        return applied instanceof Accounts.Applied.Done done ? done.writeUnits() : 0;
    }
}
