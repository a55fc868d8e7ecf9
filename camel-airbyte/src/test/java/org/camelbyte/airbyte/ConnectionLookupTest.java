package org.camelbyte.airbyte;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** The lookup's rules over an in-memory client; the stand-in tests cover the same over HTTP. */
class ConnectionLookupTest {
    private static final String ORDERS_ID = "11111111-1111-1111-1111-111111111111";

    private final ListingClient client = new ListingClient(List.of(
            connection(ORDERS_ID, "orders", "ws-a", "Sales", "active"),
            connection("22222222-2222-2222-2222-222222222222", "customers", "ws-a", "Sales", "active"),
            connection("33333333-3333-3333-3333-333333333333", "shared", "ws-a", "Sales", "active"),
            connection("44444444-4444-4444-4444-444444444444", "shared", "ws-b", "Finance", "active"),
            connection("55555555-5555-5555-5555-555555555555", "paused", "ws-b", "Finance", "inactive")));
    private final MutableClock clock = new MutableClock();
    private final ConnectionLookup lookup =
            new ConnectionLookup(client, Duration.ofHours(1), Duration.ofSeconds(30), clock);

    @Test
    void resolvesByNameAndById() {
        assertThat(lookup.resolve("orders").connectionId()).isEqualTo(ORDERS_ID);
        assertThat(lookup.resolve(ORDERS_ID).name()).isEqualTo("orders");
    }

    @Test
    void unknownNameSuggestsCloseNames() {
        assertThatThrownBy(() -> lookup.resolve("order"))
                .isInstanceOf(ConnectionLookupException.class)
                .hasMessageContaining("'order'")
                .hasMessageContaining("'orders'");
    }

    @Test
    void ambiguousNameNamesTheWorkspaces() {
        assertThatThrownBy(() -> lookup.resolve("shared"))
                .isInstanceOf(ConnectionLookupException.class)
                .hasMessageContaining("Sales")
                .hasMessageContaining("Finance")
                .hasMessageContaining("workspace");
    }

    @Test
    void inactiveConnectionSaysToEnableIt() {
        assertThatThrownBy(() -> lookup.resolve("paused"))
                .isInstanceOf(ConnectionLookupException.class)
                .hasMessageContaining("inactive")
                .hasMessageContaining("enable it");
    }

    @Test
    void missRefreshesTheCacheOnceAndFindsNewConnections() {
        lookup.resolve("orders");
        client.connections.add(connection("66666666-6666-6666-6666-666666666666", "fresh", "ws-a", "Sales", "active"));
        clock.advance(Duration.ofSeconds(31));

        assertThat(lookup.resolve("fresh").name()).isEqualTo("fresh");
        assertThat(client.listings).hasValue(2);
        assertThat(lookup.resolve("orders").name()).isEqualTo("orders");
        assertThat(client.listings).hasValue(2);
    }

    @Test
    void missesWithinTheRefreshWindowDoNotListAgain() {
        lookup.resolve("orders");
        for (int i = 0; i < 20; i++) {
            clock.advance(Duration.ofSeconds(1));
            assertThatThrownBy(() -> lookup.resolve("missing")).isInstanceOf(ConnectionLookupException.class);
        }
        assertThat(client.listings)
                .as("one listing per 30 s however often the name is missed")
                .hasValue(1);
        clock.advance(Duration.ofSeconds(11));
        assertThatThrownBy(() -> lookup.resolve("missing")).isInstanceOf(ConnectionLookupException.class);
        assertThat(client.listings).hasValue(2);
    }

    @Test
    void unknownIdSaysItHasThatId() {
        assertThatThrownBy(() -> lookup.resolve("99999999-9999-9999-9999-999999999999"))
                .isInstanceOf(ConnectionLookupException.class)
                .hasMessageContaining("has id '99999999-9999-9999-9999-999999999999'")
                .hasMessageNotContaining("named");
    }

    private static AirbyteConnection connection(String id, String name, String wsId, String wsName, String status) {
        return new AirbyteConnection(id, name, wsId, wsName, status, null, null, List.of());
    }

    private static final class ListingClient implements AirbyteClient {
        final List<AirbyteConnection> connections;
        final AtomicInteger listings = new AtomicInteger();

        ListingClient(List<AirbyteConnection> initial) {
            this.connections = new CopyOnWriteArrayList<>(initial);
        }

        @Override
        public List<AirbyteConnection> listConnections() {
            listings.incrementAndGet();
            return List.copyOf(connections);
        }

        @Override
        public TriggeredJob startJob(String connectionId, JobType type) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<Long> newestJobId(String connectionId) {
            throw new UnsupportedOperationException();
        }

        @Override
        public OptionalLong newestJobIdOverall() {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<AirbyteJob> jobsAfter(String connectionId, JobType type, long afterJobId) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<AirbyteJob> findJobCreatedSince(String connectionId, JobType type, Instant since) {
            throw new UnsupportedOperationException();
        }

        @Override
        public AirbyteJob getJob(long jobId) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void cancelJob(long jobId) {
            throw new UnsupportedOperationException();
        }

        @Override
        public JobListing listJobsChangedSince(
                Instant since,
                Set<String> connectionIds,
                int maxPages,
                Consumer<AirbyteJob> each,
                BooleanSupplier seenEnough) {
            throw new UnsupportedOperationException();
        }
    }
}
