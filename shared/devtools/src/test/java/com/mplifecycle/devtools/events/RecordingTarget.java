package com.mplifecycle.devtools.events;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Keeps every envelope it is given. */
final class RecordingTarget implements EventTarget {
    private final List<String> envelopes = new CopyOnWriteArrayList<>();

    @Override
    public void deliver(String envelopeJson) {
        envelopes.add(envelopeJson);
    }

    List<String> envelopes() {
        return List.copyOf(envelopes);
    }
}
