package com.mplifecycle.devtools.wechat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Everything the stand-in received, in arrival order. */
final class CallLog {
    private final List<RecordedCall> calls = new ArrayList<>();
    private final List<ReceivedMessage> messages = new ArrayList<>();

    synchronized void record(RecordedCall call) {
        calls.add(call);
    }

    synchronized void record(ReceivedMessage message) {
        messages.add(message);
    }

    synchronized List<RecordedCall> calls() {
        return List.copyOf(calls);
    }

    synchronized int count(String api) {
        return (int) calls.stream().filter(call -> call.api().equals(api)).count();
    }

    synchronized List<ReceivedMessage> messages(Optional<String> touser) {
        return messages.stream().filter(m -> touser.map(m.touser()::equals).orElse(true)).toList();
    }
}
