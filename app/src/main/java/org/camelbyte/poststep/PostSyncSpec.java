package org.camelbyte.poststep;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A pipeline's {@code postSync} section: which data source, which tables to analyze, which checks to run.
 *
 * @param tables           tables to analyze; empty means the caller derives them from the synced streams
 * @param dataSource       name of the destination data source
 * @param statementTimeout limit for each statement; default {@link #DEFAULT_STATEMENT_TIMEOUT}
 */
public record PostSyncSpec(
        List<TableName> tables, List<CheckSpec> checks, String dataSource, Duration statementTimeout) {

    public static final Duration DEFAULT_STATEMENT_TIMEOUT = Duration.ofMinutes(5);

    private static final Set<String> KEYS = Set.of("dataSource", "analyze", "checks", "statementTimeout");

    public PostSyncSpec {
        tables = List.copyOf(tables);
        checks = List.copyOf(checks);
        Objects.requireNonNull(dataSource, "dataSource");
        statementTimeout = statementTimeout == null ? DEFAULT_STATEMENT_TIMEOUT : statementTimeout;
    }

    /**
     * Reads the section as parsed from YAML (maps, lists, strings, numbers). Every table and column name
     * is validated here, so a bad or malicious name stops the pipeline at startup, not at run time.
     *
     * @throws PostSyncConfigException with one sentence naming the pipeline, the key and what is expected
     */
    public static PostSyncSpec parse(String pipelineName, Map<String, Object> postSyncSection) {
        if (postSyncSection == null) {
            throw new PostSyncConfigException("Pipeline '" + pipelineName
                    + "' has an empty postSync section, but it must name at least its dataSource.");
        }
        ConfigSection section = new ConfigSection(pipelineName, "postSync", postSyncSection);
        section.allowOnly(KEYS);
        return new PostSyncSpec(
                section.tables("analyze"),
                CheckSpecParser.parseAll(section.sections("checks")),
                section.text("dataSource", "the name of the destination data source, like warehouse"),
                section.duration("statementTimeout").orElse(DEFAULT_STATEMENT_TIMEOUT));
    }
}
