package org.camelbyte.poststep;

import java.util.List;
import javax.sql.DataSource;

/** Runs a pipeline's post-sync steps: statistics refresh first, so the checks' queries get fresh plans, then checks. */
public final class PostSyncRunner {

    /**
     * @param tablesToAnalyze tables the caller derived from the sync (see {@link TableNames#fromStreams});
     *                        used only when the spec lists none, because an explicit list in config wins
     */
    public PostSyncResult run(
            DataSource dataSource, PostSyncSpec spec, List<TableName> tablesToAnalyze, CheckContext context) {
        List<TableName> tables = spec.tables().isEmpty() ? tablesToAnalyze : spec.tables();
        List<AnalyzedTable> analyzed = new StatisticsRefresher(spec.statementTimeout()).refresh(dataSource, tables);
        CheckRun checks =
                new QualityCheckRunner(spec.statementTimeout()).runCounting(dataSource, spec.checks(), context);
        return new PostSyncResult(analyzed, checks.results(), checks.rowCounts());
    }
}
