package org.camelbyte.poststep;

import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs checks one after another on one connection. A check that cannot run becomes a failed result with
 * the reason; it never stops the other checks, and this never throws for a database problem.
 */
public final class QualityCheckRunner {

    private static final Logger LOG = LoggerFactory.getLogger(QualityCheckRunner.class);

    private final Duration statementTimeout;

    public QualityCheckRunner(Duration statementTimeout) {
        this.statementTimeout = statementTimeout;
    }

    public List<CheckResult> run(DataSource dataSource, List<CheckSpec> checks, CheckContext context) {
        return runCounting(dataSource, checks, context).results();
    }

    CheckRun runCounting(DataSource dataSource, List<CheckSpec> checks, CheckContext context) {
        List<CheckResult> results = new ArrayList<>();
        try (CheckSession session = new CheckSession(dataSource, statementTimeout)) {
            for (CheckSpec spec : checks) {
                CheckResult result = runOne(spec, session, context);
                log(result);
                results.add(result);
            }
            return new CheckRun(List.copyOf(results), session.rowCounts());
        }
    }

    private CheckResult runOne(CheckSpec spec, CheckSession session, CheckContext context) {
        long start = System.nanoTime();
        try {
            return CheckResult.of(spec, spec.check().observe(session, context), millisSince(start));
        } catch (MissingObjectException e) {
            return CheckResult.couldNotRun(spec, e.getMessage(), millisSince(start));
        } catch (SQLException e) {
            return CheckResult.couldNotRun(spec, SqlFailures.describe(e, statementTimeout), millisSince(start));
        } catch (RuntimeException e) {
            // a driver's unchecked surprise must not cost the other checks their results
            LOG.warn("Check {} failed unexpectedly", spec.name(), e);
            return CheckResult.couldNotRun(spec, "unexpected error: " + e, millisSince(start));
        } finally {
            session.endCheck();
        }
    }

    private static void log(CheckResult result) {
        if (result.passed()) {
            LOG.info("Check {} passed: {}", result.name(), result.observed());
        } else {
            LOG.warn("Check {} ({}) failed: {}", result.name(), result.severity(), result.describeFailure());
        }
    }

    private static long millisSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }
}
