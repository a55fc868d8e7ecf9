package org.camelbyte.steps;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.camel.Exchange;
import org.camelbyte.run.Run;

/**
 * Where a run rides through its route: the exchange variable {@code run}, never the message body, which belongs
 * to the team's own steps. A step in the template reads it with {@code ${variable.run.jobId}}, and keeps a result
 * on the run by setting a variable named {@code result.<key>} (docs/pipelines.md).
 */
public final class RunVariable {
    /** The exchange variable holding the {@link Run}. */
    public static final String NAME = Run.VARIABLE;
    /** Variables named so are kept on the run ({@link Run#getResults()}) when it ends. */
    public static final String RESULT_PREFIX = "result.";
    /** A result longer than this is cut: it is a note on the run, not a place for a payload. */
    static final int MAX_RESULT_LENGTH = 2000;

    private RunVariable() {}

    /** The exchange's run; a route that lost it is a bug of ours, said plainly. */
    public static Run of(Exchange exchange) {
        Run run = exchange.getVariable(NAME, Run.class);
        if (run == null) {
            throw new IllegalStateException("The exchange carries no run in its variable '" + NAME
                    + "'; run steps (direct:run-*) work only inside a pipeline's route (direct:pipeline-<name>).");
        }
        return run;
    }

    public static void set(Exchange exchange, Run run) {
        exchange.setVariable(NAME, run);
    }

    /** Copies the team steps' {@code result.<key>} variables onto the run, as text. */
    static void keepResults(Exchange exchange, Run run) {
        Map<String, String> results = new LinkedHashMap<>(run.getResults() == null ? Map.of() : run.getResults());
        exchange.getVariables().forEach((name, value) -> {
            if (name.startsWith(RESULT_PREFIX) && name.length() > RESULT_PREFIX.length() && value != null) {
                String text = exchange.getContext().getTypeConverter().tryConvertTo(String.class, exchange, value);
                if (text != null) {
                    results.put(
                            name.substring(RESULT_PREFIX.length()),
                            text.length() > MAX_RESULT_LENGTH ? text.substring(0, MAX_RESULT_LENGTH) + "…" : text);
                }
            }
        });
        run.setResults(results);
    }
}
