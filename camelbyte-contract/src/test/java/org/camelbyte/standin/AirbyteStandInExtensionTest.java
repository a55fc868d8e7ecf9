package org.camelbyte.standin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camelbyte.standin.StandInClient.json;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The JUnit extension as another project's tests use it: static for a class, per instance for each test. */
class AirbyteStandInExtensionTest {
    static final String SCENARIO = """
            timeScale: 0.01
            workspaces: [{name: Production}]
            connections:
              - id: 11111111-1111-1111-1111-111111111111
                name: orders
                workspace: Production
                job:
                  - {status: running, seconds: 1}
                  - {status: succeeded}
            """;
    static final String ORDERS_SYNC =
            "{\"connectionId\":\"11111111-1111-1111-1111-111111111111\",\"jobType\":\"sync\"}";

    @RegisterExtension
    static AirbyteStandInExtension airbyte = AirbyteStandInExtension.withScenario(SCENARIO);

    static AirbyteStandIn startedBeforeAll;

    @BeforeAll
    static void noteTheClassStandIn() {
        // beforeAll callbacks of static extensions run before @BeforeAll methods: it is up already
        startedBeforeAll = airbyte.standIn();
    }

    @Test
    void servesTheScenarioOnBothApis() {
        StandInClient client = new StandInClient(airbyte.standIn());

        HttpResponse<String> connections = client.publicGet("/connections");

        assertThat(connections.statusCode()).isEqualTo(200);
        assertThat(json(connections).get("data").get(0).get("name").asText()).isEqualTo("orders");
        assertThat(airbyte.publicApiUrl()).isEqualTo("http://127.0.0.1:" + airbyte.port() + "/api/public/v1");
        assertThat(airbyte.configApiUrl()).isEqualTo("http://127.0.0.1:" + airbyte.port() + "/api/v1");
    }

    @Test
    void aStaticFieldIsOneStandInForTheWholeClass() {
        assertThat(airbyte.standIn()).isSameAs(startedBeforeAll);
    }

    @Test
    void closedAfterItsTestsAndRefusingUrlsOutsideThem() throws Exception {
        // driven by hand as JUnit would drive it, to see the state before start and after the end
        AirbyteStandInExtension own = AirbyteStandInExtension.withScenario(SCENARIO);
        assertThatThrownBy(own::publicApiUrl)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("@RegisterExtension");

        own.beforeAll(null);
        String url = own.publicApiUrl();
        assertThat(get(url + "/connections").statusCode()).isEqualTo(200);
        own.afterAll(null);

        assertThatThrownBy(own::publicApiUrl).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> get(url + "/connections")).isInstanceOf(ConnectException.class);
    }

    /** An instance field: every test gets a stand-in of its own, so no test sees another's jobs. */
    @Nested
    class PerTest {
        @RegisterExtension
        AirbyteStandInExtension own = AirbyteStandInExtension.withScenario(SCENARIO);

        @Test
        void firstTestStartsWithNoJobs() {
            startsEmptyAndCreatesOneJob();
        }

        @Test
        void secondTestStartsWithNoJobsEither() {
            startsEmptyAndCreatesOneJob();
        }

        private void startsEmptyAndCreatesOneJob() {
            // the outer class's stand-in goes on through the nested class, not started a second time
            assertThat(airbyte.standIn()).isSameAs(startedBeforeAll);
            assertThat(own.standIn()).isNotSameAs(airbyte.standIn());
            assertThat(own.standIn().jobsCreated()).isZero();

            HttpResponse<String> created = new StandInClient(own.standIn()).publicPost("/jobs", ORDERS_SYNC);

            assertThat(created.statusCode()).isEqualTo(200);
            assertThat(own.standIn().jobsCreated()).isEqualTo(1);
        }
    }

    private static HttpResponse<String> get(String url) throws IOException, InterruptedException {
        return HttpClient.newHttpClient()
                .send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
