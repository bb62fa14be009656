package com.mplifecycle.bench;

import java.io.IOException;
import java.time.Clock;

import com.mplifecycle.devtools.events.EventBridgeEndpoint;
import com.mplifecycle.devtools.events.LocalEventBus;
import com.mplifecycle.devtools.sandbox.LocalAws;

/** The template's event bus, locally, with the functions' EVENTBRIDGE endpoint pointed at it. */
final class LocalBus implements AutoCloseable {
    final LocalEventBus bus;
    final EventBridgeEndpoint endpoint;

    LocalBus(LocalAws aws) throws IOException {
        bus = new LocalEventBus(Clock.systemUTC());
        aws.template().resourcesOfType("AWS::Events::EventBus").keySet()
                .forEach(id -> bus.registerBus(aws.names().valueOf(id)));
        endpoint = EventBridgeEndpoint.start(bus);
        aws.endpoint("EVENTBRIDGE", endpoint.uri());
    }

    @Override
    public void close() {
        endpoint.close();
        bus.close();
    }
}
