package org.camelbyte.poststep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The documented YAML example, end to end against a database holding good data. */
class PostSyncRunnerTest {

    private static EmbeddedPostgres postgres;
    private static DataSource dataSource;

    private final PostSyncRunner runner = new PostSyncRunner();
    private final PostSyncSpec spec = PostSyncSpec.parse("orders", PostSyncSpecTest.example());

    @BeforeAll
    static void start() throws IOException, SQLException {
        postgres = EmbeddedPostgres.start();
        dataSource = postgres.getPostgresDatabase();
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("create table public.orders (id int, customer_id int, status text, total numeric,"
                    + " updated_at timestamp) with (autovacuum_enabled = false)");
            statement.execute("create table public.customers (id int) with (autovacuum_enabled = false)");
            statement.execute("insert into public.orders values (1, 10, 'new', 5, now()), (2, 11, 'paid', 7, now()),"
                    + " (3, 10, 'shipped', 0, now())");
        }
    }

    @AfterAll
    static void stop() throws IOException {
        postgres.close();
    }

    @Test
    void goodDataPassesAndRowCountsAreKeptForNextRun() {
        PostSyncResult result = runner.run(dataSource, spec, List.of(), CheckContext.of(3, Map.of()));

        assertThat(result.analyzed())
                .extracting(AnalyzedTable::statement)
                .containsExactly("ANALYZE \"public\".\"orders\"", "ANALYZE \"public\".\"customers\"");
        assertThat(result.checks())
                .hasSize(8)
                .allSatisfy(check -> assertThat(check.passed()).as(check.name()).isTrue());
        assertThat(result.failed()).isFalse();
        assertThat(result.failureSentence()).isEmpty();
        assertThat(result.rowCounts()).isEqualTo(Map.of("public.orders", 3L));
    }

    @Test
    void resultSerializesToJsonAsItIs() throws JsonProcessingException {
        PostSyncResult result = runner.run(dataSource, spec, List.of(), CheckContext.of(3, Map.of()));

        JsonNode json = new ObjectMapper().valueToTree(result);

        assertThat(json.get("analyzed").get(0).get("statement").asText()).isEqualTo("ANALYZE \"public\".\"orders\"");
        assertThat(json.get("checks").get(1).toString())
                .matches("\\{\"kind\":\"not_null\",\"name\":\"not_null\\(orders.id,customer_id\\)\","
                        + "\"table\":\"public.orders\",\"observed\":\"id: 0 nulls, customer_id: 0 nulls\","
                        + "\"expected\":\"no nulls in id, customer_id\",\"passed\":true,\"severity\":\"fail\","
                        + "\"durationMs\":\\d+,\"error\":null}");
        assertThat(json.get("rowCounts").get("public.orders").asLong()).isEqualTo(3);
        assertThat(new ObjectMapper().readValue(json.toString(), PostSyncResult.class))
                .isEqualTo(result);
    }

    @Test
    void derivedTablesAreAnalyzedWhenTheSpecListsNone() {
        PostSyncSpec withoutList = new PostSyncSpec(List.of(), List.of(), "warehouse", null);

        PostSyncResult result = runner.run(
                dataSource,
                withoutList,
                TableNames.fromStreams("public", "", List.of("Orders", "shipments")),
                CheckContext.of(3, Map.of()));

        assertThat(result.analyzed())
                .extracting(AnalyzedTable::table, AnalyzedTable::statement, AnalyzedTable::skippedReason)
                .containsExactly(
                        tuple("public.orders", "ANALYZE \"public\".\"orders\"", null),
                        tuple("public.shipments", null, "table public.shipments does not exist"));
        assertThat(result.failed()).isFalse();
    }

    @Test
    void aFailedFailCheckFailsTheRunWithObservedVersusExpected() {
        PostSyncResult result =
                runner.run(dataSource, spec, List.of(), CheckContext.of(0, Map.of("public.orders", 100L)));

        assertThat(result.failed()).isTrue();
        assertThat(result.failureSentence())
                .hasValue("Post-sync failed: rows_synced_min observed 0 rows synced,"
                        + " expected at least 1 rows synced; row_count_change(orders) observed 3 rows vs 100 previously (-97.0%),"
                        + " expected within 50.0% of the previous successful run's row count.");
    }

    @Test
    void anUnreachableDatabaseFailsTheRunWithTheReason() {
        PostSyncResult result = runner.run(Unreachable.dataSource(), spec, List.of(), CheckContext.of(3, Map.of()));

        assertThat(result.failed()).isTrue();
        assertThat(result.analyzed())
                .allSatisfy(table -> assertThat(table.error()).startsWith("the database connection failed"));
        assertThat(result.checks())
                .filteredOn(check -> !check.kind().equals(RowsSyncedMinCheck.KIND))
                .allSatisfy(check -> assertThat(check.error())
                        .startsWith("the database connection failed: Connection to 127.0.0.1:1 refused"));
        assertThat(result.checks())
                .filteredOn(check -> check.kind().equals(RowsSyncedMinCheck.KIND))
                .singleElement()
                .satisfies(check -> assertThat(check.passed()).isTrue());
        assertThat(result.failureSentence())
                .hasValueSatisfying(sentence -> assertThat(sentence)
                        .startsWith(
                                "Post-sync failed: statistics refresh of public.orders failed: the database connection failed")
                        .contains("not_null(orders.id,customer_id) could not run: the database connection failed"));
        assertThat(result.rowCounts()).isEmpty();
    }
}
