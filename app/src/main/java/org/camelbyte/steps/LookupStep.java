package org.camelbyte.steps;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.camelbyte.airbyte.AirbyteConnection;
import org.camelbyte.airbyte.ConnectionLookup;
import org.camelbyte.run.Run;

/** Resolves the run's connection name to its id (once; a resumed run keeps the id it had). */
class LookupStep implements Processor {
    private final ConnectionLookup lookup;

    LookupStep(ConnectionLookup lookup) {
        this.lookup = lookup;
    }

    @Override
    public void process(Exchange exchange) {
        Run run = RunVariable.of(exchange);
        if (run.getConnectionId() != null) {
            return;
        }
        AirbyteConnection connection = lookup.resolve(run.getConnectionName());
        // written with the trigger step's first commit: a run resumed before that simply looks it up again
        run.setConnectionId(connection.connectionId());
        // a pipeline naming its connection by id shows Airbyte's name for it from here on
        run.setConnectionName(connection.name());
    }
}
