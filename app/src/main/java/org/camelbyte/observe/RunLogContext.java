package org.camelbyte.observe;

import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
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
                if (run == null || inContext(run)) {
                    // a step inside another of the same run's (a loop's, a route's): its context is in place
                    return processor.process(exchange, callback);
                }
                return withContextOf(run, () -> processor.process(exchange, callback));
            }
        };
    }

    /**
     * Runs {@code action} with the run's ids in the log context, then restores the context it found: for work a
     * run's step goes on with on another thread, outside any step this interceptor wraps (a commit's callback).
     */
    public static void inContextOf(Run run, Runnable action) {
        withContextOf(run, () -> {
            action.run();
            return null;
        });
    }

    private static <T> T withContextOf(Run run, Supplier<T> action) {
        Map<String, String> previous = MDC.getCopyOfContextMap();
        put(PIPELINE, run.getPipeline());
        put(RUN_ID, run.getRunId());
        put(JOB_ID, jobIdOf(run));
        try {
            return action.get();
        } finally {
            if (previous == null) {
                MDC.clear();
            } else {
                MDC.setContextMap(previous);
            }
        }
    }

    private static String jobIdOf(Run run) {
        return run.getJobId() == null ? null : String.valueOf(run.getJobId());
    }

    /** A run's route carries it in its variable; the outcome route in its body. */
    private static Run runOf(Exchange exchange) {
        Run run = exchange.getVariable(Run.VARIABLE, Run.class);
        return run != null ? run : exchange.getMessage().getBody() instanceof Run body ? body : null;
    }

    private static boolean inContext(Run run) {
        return Objects.equals(run.getRunId(), MDC.get(RUN_ID))
                && Objects.equals(jobIdOf(run), MDC.get(JOB_ID))
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
