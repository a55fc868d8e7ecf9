package org.camelbyte.routes;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.camelbyte.airbyte.AirbyteConnection;
import org.camelbyte.airbyte.ConnectionLookup;
import org.camelbyte.run.Run;
import org.camelbyte.run.RunStore;

/** Resolves the run's connection name to its id (once; a resumed run keeps the id it had). */
class LookupStep implements Processor {
    private final ConnectionLookup lookup;
    private final RunStore store;

    LookupStep(ConnectionLookup lookup, RunStore store) {
        this.lookup = lookup;
        this.store = store;
    }

    @Override
    public void process(Exchange exchange) {
        Run run = exchange.getMessage().getBody(Run.class);
        if (run.getConnectionId() != null) {
            return;
        }
        AirbyteConnection connection = lookup.resolve(run.getConnectionName());
        run.setConnectionId(connection.connectionId());
        store.update(run);
    }
}
