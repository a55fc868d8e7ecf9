package org.camelbyte.steps;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.camelbyte.airbyte.AirbyteJob;
import org.camelbyte.airbyte.JobStatus;
import org.camelbyte.run.Run;
import org.camelbyte.run.RunStatus;
import org.camelbyte.run.RunStore;

/**
 * In the follow loop after each look at the job: a run cancelled through the API ends here, through the same
 * path as a watchdog's cancel, with the sentence naming who asked. The API call (on any instance) noted that
 * sentence on the run record before it cancelled the Airbyte job, so when this loop sees the job cancelled it
 * reads the note once: a read only at that moment, never per poll. Without a note the job was cancelled in
 * Airbyte itself, and the outcome step says so.
 */
class CancelRequestedStep implements Processor {
    private final RunStore store;
    private final RunEnding ending;

    CancelRequestedStep(RunStore store, RunEnding ending) {
        this.store = store;
        this.ending = ending;
    }

    @Override
    public void process(Exchange exchange) {
        AirbyteJob job = exchange.getProperty(AirbyteJob.class.getName(), AirbyteJob.class);
        if (job == null || job.status() != JobStatus.CANCELLED) {
            return;
        }
        Run run = RunVariable.of(exchange);
        store.cancelNote(run.getRunId()).ifPresent(note -> ending.endLoop(exchange, run, RunStatus.CANCELLED, note));
    }
}
