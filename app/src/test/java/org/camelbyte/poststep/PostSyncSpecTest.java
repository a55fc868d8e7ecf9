package org.camelbyte.poststep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class PostSyncSpecTest {

    /** The YAML example of the design, as a YAML parser hands it over. */
    static Map<String, Object> example() {
        return Map.of(
                "dataSource",
                "warehouse",
                "analyze",
                List.of("public.orders", "public.customers"),
                "statementTimeout",
                "30s",
                "checks",
                List.of(
                        Map.of(
                                "type",
                                "row_count",
                                "table",
                                "public.orders",
                                "min",
                                1,
                                "max",
                                1000000,
                                "severity",
                                "fail"),
                        Map.of("type", "not_null", "table", "public.orders", "columns", List.of("id", "customer_id")),
                        Map.of("type", "unique", "table", "public.orders", "columns", List.of("id")),
                        Map.of(
                                "type",
                                "accepted_values",
                                "table",
                                "public.orders",
                                "column",
                                "status",
                                "values",
                                List.of("new", "paid", "shipped")),
                        Map.of(
                                "type",
                                "freshness",
                                "table",
                                "public.orders",
                                "column",
                                "updated_at",
                                "maxAge",
                                "24h",
                                "severity",
                                "warn"),
                        Map.of("type", "rows_synced_min", "min", 1),
                        Map.of("type", "row_count_change", "table", "public.orders", "maxChangePercent", 50),
                        Map.of(
                                "type",
                                "sql",
                                "name",
                                "no_negative_totals",
                                "query",
                                "select count(*) from public.orders where total < 0")));
    }

    @Test
    void parsesTheDocumentedShape() {
        PostSyncSpec spec = PostSyncSpec.parse("orders", example());

        assertThat(spec.dataSource()).isEqualTo("warehouse");
        assertThat(spec.statementTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(spec.tables())
                .containsExactly(TableName.parse("public.orders"), TableName.parse("public.customers"));
        assertThat(spec.checks())
                .extracting(CheckSpec::name)
                .containsExactly(
                        "row_count(orders)",
                        "not_null(orders.id,customer_id)",
                        "unique(orders.id)",
                        "accepted_values(orders.status)",
                        "freshness(orders.updated_at)",
                        "rows_synced_min",
                        "row_count_change(orders)",
                        "no_negative_totals");
        assertThat(spec.checks())
                .extracting(CheckSpec::severity)
                .containsExactly(
                        Severity.FAIL,
                        Severity.FAIL,
                        Severity.FAIL,
                        Severity.FAIL,
                        Severity.WARN,
                        Severity.FAIL,
                        Severity.FAIL,
                        Severity.FAIL);
        assertThat(spec.checks().get(0).check())
                .isEqualTo(new RowCountCheck(
                        TableName.parse("public.orders"), OptionalLong.of(1), OptionalLong.of(1000000)));
        assertThat(spec.checks().get(4).check())
                .isEqualTo(new FreshnessCheck(TableName.parse("public.orders"), "updated_at", Duration.ofHours(24)));
    }

    @Test
    void defaultsAreFailSeverityAndFiveMinuteTimeout() {
        PostSyncSpec spec = PostSyncSpec.parse(
                "p",
                Map.of(
                        "dataSource",
                        "warehouse",
                        "checks",
                        List.of(Map.of(
                                "type", "freshness", "table", "orders", "column", "updated_at", "maxAge", "PT2H"))));
        assertThat(spec.statementTimeout()).isEqualTo(PostSyncSpec.DEFAULT_STATEMENT_TIMEOUT);
        assertThat(spec.tables()).isEmpty();
        assertThat(spec.checks().get(0).severity()).isEqualTo(Severity.FAIL);
        assertThat(((FreshnessCheck) spec.checks().get(0).check()).maxAge()).isEqualTo(Duration.ofHours(2));
    }

    @Test
    void refusesAMaliciousTableNameNamingPipelineKeyAndValue() {
        assertThatThrownBy(() -> PostSyncSpec.parse(
                        "orders-sync", withCheck(Map.of("type", "row_count", "table", "orders; drop table x"))))
                .isInstanceOf(PostSyncConfigException.class)
                .hasMessage(
                        "Pipeline 'orders-sync' has postSync.checks[0].table = 'orders; drop table x', but it must be"
                                + " a table name like schema.table, each part " + TableName.IDENTIFIER_RULE + ".");
    }

    @Test
    void refusesAMaliciousColumnName() {
        assertThatThrownBy(() -> PostSyncSpec.parse(
                        "orders-sync",
                        withCheck(Map.of("type", "not_null", "table", "orders", "columns", List.of("id", "\"a\"--")))))
                .isInstanceOf(PostSyncConfigException.class)
                .hasMessageStartingWith(
                        "Pipeline 'orders-sync' has postSync.checks[0].columns[1] = '\"a\"--', but it must be a column name");
    }

    @Test
    void refusesAMaliciousNameInTheAnalyzeList() {
        assertThatThrownBy(
                        () -> PostSyncSpec.parse("p", Map.of("dataSource", "w", "analyze", List.of("ok", "x\"; --"))))
                .isInstanceOf(PostSyncConfigException.class)
                .hasMessageStartingWith("Pipeline 'p' has postSync.analyze[1] = 'x\"; --'");
    }

    @Test
    void refusesWhatCannotBeUsed() {
        assertRefused(
                withCheck(Map.of("type", "row_cnt", "table", "orders")),
                "postSync.checks[0].type = 'row_cnt', but it must be one of row_count, not_null");
        assertRefused(
                withCheck(Map.of("type", "row_count", "table", "orders", "serverity", "warn")),
                "unknown key postSync.checks[0].serverity; expected one of");
        assertRefused(
                withCheck(Map.of("type", "row_count", "table", "orders", "severity", "fatal")),
                "postSync.checks[0].severity = 'fatal', but it must be warn or fail");
        assertRefused(
                withCheck(Map.of("type", "freshness", "table", "orders", "column", "c", "maxAge", "soon")),
                "postSync.checks[0].maxAge = 'soon', but it must be a positive duration");
        assertRefused(withCheck(Map.of("type", "sql", "query", "select 1")), "has no postSync.checks[0].name");
        assertRefused(
                withCheck(Map.of("type", "sql", "name", "x", "query", "select 1; drop table orders")),
                "postSync.checks[0].query = 'select 1; drop table orders', but it must be one SQL query");
        assertRefused(
                withCheck(Map.of("type", "row_count", "table", "orders", "min", 5, "max", 2)),
                "postSync.checks[0].max = '2', but it must be at least min (5)");
        assertRefused(Map.of("analyze", List.of("orders")), "has no postSync.dataSource");
        Map<String, Object> twice = new HashMap<>(example());
        twice.put("checks", List.of(Map.of("type", "rows_synced_min"), Map.of("type", "rows_synced_min", "min", 3)));
        assertRefused(twice, "postSync.checks[1].name");
    }

    private static void assertRefused(Map<String, Object> section, String part) {
        assertThatThrownBy(() -> PostSyncSpec.parse("p", section))
                .isInstanceOf(PostSyncConfigException.class)
                .hasMessageStartingWith("Pipeline 'p' ")
                .hasMessageContaining(part);
    }

    private static Map<String, Object> withCheck(Map<String, Object> check) {
        return Map.of("dataSource", "warehouse", "checks", List.of(check));
    }
}
