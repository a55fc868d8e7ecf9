package org.camelbyte.poststep;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.OptionalLong;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The database stops while the checks of a run are under way. */
class DatabaseGoneTest {

    private static final TableName ORDERS = TableName.parse("public.orders");

    private static EmbeddedPostgres postgres;
    private static DataSource dataSource;
    private static boolean stopped;

    @BeforeAll
    static void start() throws IOException, SQLException {
        postgres = EmbeddedPostgres.start();
        dataSource = postgres.getPostgresDatabase();
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("create table public.orders (id int)");
            statement.execute("insert into public.orders values (1), (2)");
        }
    }

    @AfterAll
    static void stop() throws IOException {
        if (!stopped) {
            postgres.close();
        }
    }

    @Test
    void checksAfterTheDatabaseWentAwayFailWithTheReason() {
        PostSyncSpec spec = new PostSyncSpec(
                List.of(ORDERS),
                List.of(
                        CheckSpec.of(new RowCountCheck(ORDERS, OptionalLong.of(1), OptionalLong.empty())),
                        CheckSpec.of(new RowCountChangeCheck(ORDERS, 10)),
                        CheckSpec.of(new NotNullCheck(ORDERS, List.of("id")))),
                "warehouse",
                null);

        PostSyncResult result = new PostSyncRunner().run(dataSource, spec, List.of(), new StopsTheDatabase());

        assertThat(result.analyzed())
                .singleElement()
                .satisfies(table -> assertThat(table.error()).isNull());
        assertThat(result.checks()).extracting(CheckResult::passed).containsExactly(true, true, false);
        assertThat(result.checks().get(2).error()).startsWith("the database connection failed: ");
        assertThat(result.failed()).isTrue();
        assertThat(result.failureSentence())
                .hasValueSatisfying(
                        sentence -> assertThat(sentence)
                                .startsWith(
                                        "Post-sync failed: not_null(orders.id) could not run: the database connection failed: "));
        assertThat(result.rowCounts()).containsEntry("public.orders", 2L);
    }

    /** Stops the server when row_count_change asks for history, i.e. between the second and third check. */
    private static final class StopsTheDatabase implements CheckContext {
        @Override
        public long rowsSynced() {
            return 2;
        }

        @Override
        public OptionalLong previousRowCount(TableName table) {
            try {
                postgres.close();
                stopped = true;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return OptionalLong.empty();
        }
    }
}
