package org.camelbyte.poststep;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import javax.sql.DataSource;
import org.assertj.core.api.ThrowingConsumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Each check kind on good data (the {@code good} table) and on bad data (the {@code bad} table). */
class QualityChecksTest {

    private static final TableName GOOD = TableName.parse("shop.good");
    private static final TableName BAD = TableName.parse("shop.bad");
    private static final CheckContext NO_HISTORY = CheckContext.of(10, Map.of());

    private static EmbeddedPostgres postgres;
    private static DataSource dataSource;

    private final QualityCheckRunner runner = new QualityCheckRunner(Duration.ofSeconds(1));

    @BeforeAll
    static void start() throws IOException, SQLException {
        postgres = EmbeddedPostgres.start();
        dataSource = postgres.getPostgresDatabase();
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("create schema shop");
            for (String table : List.of("good", "bad")) {
                statement.execute("create table shop." + table + " (id int, customer_id int, status text,"
                        + " total numeric, updated_at timestamptz)");
            }
            statement.execute(
                    "insert into shop.good values"
                            + " (1, 10, 'new', 5, now()), (2, 11, 'paid', 7, now() - interval '1 hour'), (3, 10, 'shipped', 0, now())");
            statement.execute("insert into shop.bad values"
                    + " (1, 10, 'new', 5, now() - interval '30 hours'), (1, null, 'refunded', -2, now() - interval '31 hours'),"
                    + " (2, 11, 'lost', -1, now() - interval '40 hours'), (3, null, null, 1, null)");
        }
    }

    @AfterAll
    static void stop() throws IOException {
        postgres.close();
    }

    @Test
    void rowCount() {
        assertThat(run(new RowCountCheck(GOOD, OptionalLong.of(1), OptionalLong.of(3))))
                .satisfies(passed("3 rows"));
        assertThat(run(new RowCountCheck(BAD, OptionalLong.of(1), OptionalLong.of(3))))
                .satisfies(failed("4 rows", "between 1 and 3 rows"));
    }

    @Test
    void notNull() {
        assertThat(run(new NotNullCheck(GOOD, List.of("id", "customer_id"))))
                .satisfies(passed("id: 0 nulls, customer_id: 0 nulls"));
        assertThat(run(new NotNullCheck(BAD, List.of("id", "customer_id"))))
                .satisfies(failed("id: 0 nulls, customer_id: 2 nulls", "no nulls in id, customer_id"));
    }

    @Test
    void unique() {
        assertThat(run(new UniqueCheck(GOOD, List.of("id")))).satisfies(passed("no duplicates"));
        assertThat(run(new UniqueCheck(BAD, List.of("id"))))
                .satisfies(failed("1 values of (id) appear more than once", "each (id) at most once"));
        assertThat(run(new UniqueCheck(BAD, List.of("id", "status")))).satisfies(passed("no duplicates"));
    }

    @Test
    void acceptedValues() {
        assertThat(run(new AcceptedValuesCheck(GOOD, "status", List.of("new", "paid", "shipped"))))
                .satisfies(passed("all values accepted"));
        CheckResult bad = run(new AcceptedValuesCheck(BAD, "status", List.of("new", "paid", "shipped")));
        assertThat(bad.passed()).isFalse();
        assertThat(bad.observed()).startsWith("2 rows with other values, e.g. ").contains("refunded", "lost");
        // a numeric column compares as text, so YAML values work whatever the column type
        assertThat(run(new AcceptedValuesCheck(GOOD, "customer_id", List.of("10", "11"))))
                .satisfies(passed("all values accepted"));
    }

    @Test
    void acceptedValuesAreBoundNotConcatenated() {
        assertThat(run(new AcceptedValuesCheck(GOOD, "status", List.of("new') or ('1'='1")))
                        .observed())
                .startsWith("3 rows with other values");
    }

    @Test
    void freshness() {
        CheckResult fresh = run(new FreshnessCheck(GOOD, "updated_at", Duration.ofHours(24)));
        assertThat(fresh.passed()).isTrue();
        assertThat(fresh.observed()).matches("newest updated_at is \\d+s old \\(.*Z\\)");
        CheckResult stale = run(new FreshnessCheck(BAD, "updated_at", Duration.ofHours(24)));
        assertThat(stale.passed()).isFalse();
        assertThat(stale.observed()).startsWith("newest updated_at is 30h");
        assertThat(stale.expected()).isEqualTo("newest updated_at at most 24h old");
    }

    @Test
    void rowsSyncedMin() {
        assertThat(runner.run(
                        dataSource, List.of(CheckSpec.of(new RowsSyncedMinCheck(1))), CheckContext.of(5, Map.of())))
                .singleElement()
                .satisfies(passed("5 rows synced"));
        assertThat(runner.run(
                        dataSource, List.of(CheckSpec.of(new RowsSyncedMinCheck(1))), CheckContext.of(0, Map.of())))
                .singleElement()
                .satisfies(failed("0 rows synced", "at least 1 rows synced"));
    }

    @Test
    void rowCountChange() {
        QualityCheck check = new RowCountChangeCheck(GOOD, 50);
        assertThat(run(check)).satisfies(passed("3 rows; first run, no previous count to compare"));
        assertThat(run(check, CheckContext.of(1, Map.of("shop.good", 2L))))
                .satisfies(passed("3 rows vs 2 previously (+50.0%)"));
        assertThat(run(check, CheckContext.of(1, Map.of("shop.good", 10L))))
                .satisfies(failed(
                        "3 rows vs 10 previously (-70.0%)", "within 50.0% of the previous successful run's row count"));
    }

    @Test
    void customSql() {
        assertThat(run(new SqlCheck("select count(*) from shop.good where total < 0")))
                .satisfies(passed("0"));
        assertThat(run(new SqlCheck("select id from shop.good where total < 0")))
                .satisfies(passed("no rows"));
        assertThat(run(new SqlCheck("select count(*) from shop.bad where total < 0")))
                .satisfies(failed("2", "no rows, or a single 0"));
        assertThat(run(new SqlCheck("select id from shop.bad where total < 0")))
                .satisfies(failed("more than one row", "no rows, or a single 0"));
    }

    @Test
    void customSqlCannotWrite() {
        CheckResult result =
                run(new SqlCheck("with gone as (delete from shop.good returning 1) select count(*) from gone"));
        assertThat(result.passed()).isFalse();
        assertThat(result.error()).contains("read-only transaction");
        assertThat(run(new RowCountCheck(GOOD, OptionalLong.of(3), OptionalLong.empty())))
                .satisfies(passed("3 rows"));
    }

    @Test
    void severityDecidesWhetherTheRunFails() {
        CheckSpec warn = new CheckSpec(null, Severity.WARN, new NotNullCheck(BAD, List.of("customer_id")));
        CheckSpec fail = CheckSpec.of(new UniqueCheck(BAD, List.of("id")));

        List<CheckResult> warnOnly = runner.run(dataSource, List.of(warn), NO_HISTORY);
        List<CheckResult> both = runner.run(dataSource, List.of(warn, fail), NO_HISTORY);

        assertThat(warnOnly.get(0).severity()).isEqualTo("warn");
        assertThat(new PostSyncResult(List.of(), warnOnly, Map.of()).failed()).isFalse();
        PostSyncResult failing = new PostSyncResult(List.of(), both, Map.of());
        assertThat(failing.failed()).isTrue();
        assertThat(failing.failureSentence())
                .hasValue("Post-sync failed: unique(bad.id) observed 1 values of (id)"
                        + " appear more than once, expected each (id) at most once.");
    }

    @Test
    void missingTableOrColumnFailsWithASentenceNamingIt() {
        CheckResult noTable = run(new NotNullCheck(TableName.parse("shop.nope"), List.of("id")));
        assertThat(noTable.passed()).isFalse();
        assertThat(noTable.error()).isEqualTo("Table shop.nope does not exist.");
        assertThat(noTable.describeFailure())
                .isEqualTo("not_null(nope.id) could not run: Table shop.nope does not exist.");

        CheckResult noColumn = run(new FreshnessCheck(GOOD, "created_at", Duration.ofHours(1)));
        assertThat(noColumn.passed()).isFalse();
        assertThat(noColumn.error()).isEqualTo("Column created_at does not exist in table shop.good.");
    }

    @Test
    void namesMatchWhateverCaseTheConfigUses() {
        assertThat(run(new NotNullCheck(TableName.parse("SHOP.Good"), List.of("ID"))))
                .satisfies(passed("ID: 0 nulls"));
    }

    @Test
    void statementTimeoutCancelsTheCheckAndTheNextOneStillRuns() {
        List<CheckResult> results = runner.run(
                dataSource,
                List.of(
                        new CheckSpec("slow", null, new SqlCheck("select count(*) from pg_sleep(5)")),
                        CheckSpec.of(new RowCountCheck(GOOD, OptionalLong.of(1), OptionalLong.empty()))),
                NO_HISTORY);

        assertThat(results.get(0).passed()).isFalse();
        assertThat(results.get(0).error())
                .isEqualTo("the statement ran longer than the statement timeout of 1s and was cancelled");
        assertThat(results.get(0).durationMs()).isBetween(900L, 4000L);
        assertThat(results.get(1)).satisfies(passed("3 rows"));
    }

    private CheckResult run(QualityCheck check) {
        return run(check, NO_HISTORY);
    }

    private CheckResult run(QualityCheck check, CheckContext context) {
        return runner.run(dataSource, List.of(CheckSpec.of(check)), context).get(0);
    }

    private static ThrowingConsumer<CheckResult> passed(String observed) {
        return result -> {
            assertThat(result.error()).isNull();
            assertThat(result.observed()).isEqualTo(observed);
            assertThat(result.passed()).isTrue();
        };
    }

    private static ThrowingConsumer<CheckResult> failed(String observed, String expected) {
        return result -> {
            assertThat(result.error()).isNull();
            assertThat(result.observed()).isEqualTo(observed);
            assertThat(result.expected()).isEqualTo(expected);
            assertThat(result.passed()).isFalse();
            assertThat(result.severity()).isEqualTo("fail");
        };
    }
}
