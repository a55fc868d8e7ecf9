package org.camelbyte.poststep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class StatisticsRefresherTest {

    private static EmbeddedPostgres postgres;
    private static DataSource dataSource;

    private final StatisticsRefresher refresher = new StatisticsRefresher(Duration.ofSeconds(10));

    @BeforeAll
    static void start() throws IOException, SQLException {
        postgres = EmbeddedPostgres.start();
        dataSource = postgres.getPostgresDatabase();
        // autovacuum off, so only our ANALYZE can set the statistics we look at
        execute(
                "create schema sales",
                "create table sales.orders (id int) with (autovacuum_enabled = false)",
                "create table sales.customers (id int) with (autovacuum_enabled = false)",
                "create table sales.untouched (id int) with (autovacuum_enabled = false)",
                "insert into sales.orders select generate_series(1, 1000)",
                "insert into sales.customers select generate_series(1, 40)",
                "insert into sales.untouched select generate_series(1, 70)");
    }

    @AfterAll
    static void stop() throws IOException {
        postgres.close();
    }

    @Test
    void analyzesTheGivenTablesAndOnlyThose() throws SQLException {
        List<AnalyzedTable> analyzed = refresher.refresh(
                dataSource, List.of(TableName.parse("sales.orders"), TableName.parse("SALES.Customers")));

        assertThat(analyzed)
                .extracting(AnalyzedTable::statement)
                .containsExactly("ANALYZE \"sales\".\"orders\"", "ANALYZE \"sales\".\"customers\"");
        assertThat(analyzed).allSatisfy(table -> assertThat(table.failsRun()).isFalse());
        // reltuples is written by ANALYZE itself; -1 means never analyzed (PostgreSQL 14)
        assertThat(reltuples("orders")).isEqualTo(1000);
        assertThat(reltuples("customers")).isEqualTo(40);
        assertThat(reltuples("untouched")).isEqualTo(-1);
        // last_analyze arrives through the statistics collector, a moment later
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(lastAnalyzed()).containsExactlyInAnyOrder("orders", "customers"));
    }

    @Test
    void skipsAMissingTableWithAReason() {
        List<AnalyzedTable> analyzed = refresher.refresh(dataSource, List.of(TableName.parse("sales.nope")));

        assertThat(analyzed).singleElement().satisfies(table -> {
            assertThat(table.skippedReason()).isEqualTo("table sales.nope does not exist");
            assertThat(table.failsRun()).isFalse();
        });
    }

    @Test
    void skipsADialectWithoutStatisticsStatement() {
        List<AnalyzedTable> analyzed = refresher.refresh(databaseCalled("Snowflake"), List.of(TableName.parse("a.b")));

        assertThat(analyzed).singleElement().satisfies(table -> {
            assertThat(table.statement()).isNull();
            assertThat(table.skippedReason()).isEqualTo("no statistics statement is known for Snowflake");
            assertThat(table.failsRun()).isFalse();
        });
    }

    @Test
    void reportsAnUnreachableDatabaseForEveryTable() {
        List<AnalyzedTable> analyzed =
                refresher.refresh(Unreachable.dataSource(), List.of(TableName.parse("a.b"), TableName.parse("a.c")));

        assertThat(analyzed).hasSize(2).allSatisfy(table -> {
            assertThat(table.failsRun()).isTrue();
            assertThat(table.error()).startsWith("the database connection failed: ");
        });
    }

    private static double reltuples(String table) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(
                        "select reltuples from pg_class where oid = 'sales." + table + "'::regclass")) {
            result.next();
            return result.getDouble(1);
        }
    }

    private static List<String> lastAnalyzed() throws SQLException {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("select relname from pg_stat_user_tables"
                        + " where schemaname = 'sales' and last_analyze is not null")) {
            List<String> names = new ArrayList<>();
            while (result.next()) {
                names.add(result.getString(1));
            }
            return names;
        }
    }

    private static void execute(String... statements) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }

    /** Just enough of a JDBC driver to report a product name, nothing else. */
    private static DataSource databaseCalled(String productName) {
        DatabaseMetaData metaData = proxy(DatabaseMetaData.class, "getDatabaseProductName", productName);
        Connection connection = proxy(Connection.class, "getMetaData", metaData);
        return proxy(DataSource.class, "getConnection", connection);
    }

    @SuppressWarnings("unchecked")
    private static <T> T proxy(Class<T> type, String method, Object answer) {
        return (T) Proxy.newProxyInstance(
                type.getClassLoader(),
                new Class<?>[] {type},
                (self, called, args) -> called.getName().equals(method) ? answer : null);
    }
}
