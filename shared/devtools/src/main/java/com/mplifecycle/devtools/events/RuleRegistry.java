package com.mplifecycle.devtools.events;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.event.ruler.GenericMachine;
import software.amazon.event.ruler.JsonRuleCompiler;

/**
 * Buses and their rules; one Event Ruler machine per bus, keyed by rule name.
 *
 * <p>Event Ruler ORs every pattern added under the same key, so replacing a rule deletes its old pattern
 * first. Writes are synchronized; matching only reads and relies on the machine being safe for that.
 */
final class RuleRegistry {
    private final Map<String, BusRules> buses = new ConcurrentHashMap<>();

    void registerBus(String busName) {
        buses.computeIfAbsent(busName, name -> new BusRules());
    }

    boolean hasBus(String busName) {
        return buses.containsKey(busName);
    }

    Set<String> busNames() {
        return Set.copyOf(buses.keySet());
    }

    /** Adds or replaces {@code rule}; an invalid pattern throws IllegalArgumentException with Event Ruler's reason. */
    void put(Rule rule) {
        String problem = JsonRuleCompiler.check(rule.pattern());
        if (problem != null) {
            throw new IllegalArgumentException("Invalid pattern for rule " + rule.name() + ": " + problem);
        }
        BusRules bus = buses.get(rule.busName());
        if (bus == null) {
            throw new IllegalArgumentException("Event bus " + rule.busName() + " does not exist.");
        }
        bus.put(rule);
    }

    boolean remove(String busName, String ruleName) {
        BusRules bus = buses.get(busName);
        return bus != null && bus.remove(ruleName);
    }

    /** Rules on {@code busName} whose pattern matches {@code envelope}. */
    List<Rule> matching(String busName, JsonNode envelope) {
        BusRules bus = buses.get(busName);
        return bus == null ? List.of() : bus.matching(envelope);
    }

    private static final class BusRules {
        private final GenericMachine<String> machine = GenericMachine.<String>builder().build();
        private final Map<String, Rule> rules = new ConcurrentHashMap<>();

        synchronized void put(Rule rule) {
            remove(rule.name());
            try {
                machine.addRule(rule.name(), rule.pattern());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            rules.put(rule.name(), rule);
        }

        synchronized boolean remove(String ruleName) {
            Rule old = rules.remove(ruleName);
            if (old == null) {
                return false;
            }
            try {
                machine.deleteRule(ruleName, old.pattern());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return true;
        }

        List<Rule> matching(JsonNode envelope) {
            List<Rule> matched = new ArrayList<>();
            for (String name : machine.rulesForJSONEvent(envelope)) {
                Rule rule = rules.get(name);
                if (rule != null) {
                    matched.add(rule);
                }
            }
            return matched;
        }
    }
}
