package org.camelbyte.observe;

import java.util.Map;
import java.util.Objects;
import org.apache.camel.AsyncCallback;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.NamedNode;
import org.apache.camel.Processor;
import org.apache.camel.spi.InterceptStrategy;
import org.apache.camel.support.AsyncProcessorConverterHelper;
import org.apache.camel.support.processor.DelegateAsyncProcessor;
import org.camelbyte.run.Run;
import org.slf4j.MDC;

/**
 * Puts the run's pipeline, runId and jobId in the log context (MDC) while any route step works on a run,
 * so every line it logs names them, whichever thread the step runs on after an async delay. The previous
 * context is restored after the step, so a pooled thread never carries one run's ids into another's lines.
 */
public class RunLogContext implements InterceptStrategy {
    public static final String PIPELINE = "pipeline";
    public static final String RUN_ID = "runId";
    public static final String JOB_ID = "jobId";

    @Override
    public Processor wrapProcessorInInterceptors(
            CamelContext context, NamedNode definition, Processor target, Processor nextTarget) {
        return new DelegateAsyncProcessor(AsyncProcessorConverterHelper.convert(target)) {
            @Override
            public boolean process(Exchange exchange, AsyncCallback callback) {
                Run run = runOf(exchange);
                String jobId = run == null || run.getJobId() == null ? null : String.valueOf(run.getJobId());
                if (run == null || inContext(run, jobId)) {
                    // a step inside another of the same run's (a loop's, a route's): its context is in place
                    return processor.process(exchange, callback);
                }
                Map<String, String> previous = MDC.getCopyOfContextMap();
                put(PIPELINE, run.getPipeline());
                put(RUN_ID, run.getRunId());
                put(JOB_ID, jobId);
                try {
                    return processor.process(exchange, callback);
                } finally {
                    if (previous == null) {
                        MDC.clear();
                    } else {
                        MDC.setContextMap(previous);
                    }
                }
            }
        };
    }

    /**
     * Runs {@code action} with the run's ids in the log context, then restores the context it found: for work a
     * run's step goes on with on another thread, outside any step this interceptor wraps (a commit's callback).
     */
    public static void inContextOf(Run run, Runnable action) {
        Map<String, String> previous = MDC.getCopyOfContextMap();
        put(PIPELINE, run.getPipeline());
        put(RUN_ID, run.getRunId());
        put(JOB_ID, run.getJobId() == null ? null : String.valueOf(run.getJobId()));
        try {
            action.run();
        } finally {
            if (previous == null) {
                MDC.clear();
            } else {
                MDC.setContextMap(previous);
            }
        }
    }

    /** A run's route carries it in its variable; the outcome route in its body. */
    private static Run runOf(Exchange exchange) {
        Run run = exchange.getVariable(Run.VARIABLE, Run.class);
        return run != null ? run : exchange.getMessage().getBody() instanceof Run body ? body : null;
    }

    private static boolean inContext(Run run, String jobId) {
        return Objects.equals(run.getRunId(), MDC.get(RUN_ID))
                && Objects.equals(jobId, MDC.get(JOB_ID))
                && Objects.equals(run.getPipeline(), MDC.get(PIPELINE));
    }

    private static void put(String key, String value) {
        if (value == null) {
            MDC.remove(key);
        } else {
            MDC.put(key, value);
        }
    }
}
