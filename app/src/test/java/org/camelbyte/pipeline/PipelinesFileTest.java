package org.camelbyte.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import org.camelbyte.airbyte.JobType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * pipelines.yaml is bound by one mapping: every key is known or refused, and a key of the wrong kind is one
 * sentence naming the pipeline or group, the key with its path, and what to write.
 */
class PipelinesFileTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            "pipelines: [{name: orders, connection: o, timout: 1h}]"|"p.yaml: pipeline 'orders', key 'timout' is not a known key; use name, connection, logicalConnection, jobType, pollInterval, timeout, cancelOnTimeout, schedule, dependsOn, postSync or watchdog."
            "pipelines: [{connection: o, nme: orders}]"|"p.yaml: pipeline #1, key 'nme' is not a known key; use name, connection, logicalConnection, jobType, pollInterval, timeout, cancelOnTimeout, schedule, dependsOn, postSync or watchdog."
            "pipeline: [{name: orders, connection: o}]"|"p.yaml: key 'pipeline' is not a known key; use defaults, pipelines or groups."
            "defaults: {connection: o}"|"p.yaml: key 'defaults.connection' is not a known key; use jobType, pollInterval, timeout, cancelOnTimeout or watchdog."
            "defaults: {watchdog: {noProgress: 1h}}"|"p.yaml: key 'defaults.watchdog.noProgress' is not a known key; use pendingFor, noProgressFor, maxIncompleteAttempts, onTimeout, onPendingTooLong, onNoProgress or onTooManyAttempts."
            "pipelines: [{name: orders, connection: o, watchdog: {pendingFor: 1h, onPending: warn}}]"|"p.yaml: pipeline 'orders', key 'watchdog.onPending' is not a known key; use pendingFor, noProgressFor, maxIncompleteAttempts, onTimeout, onPendingTooLong, onNoProgress or onTooManyAttempts."
            "{pipelines: [{name: orders, connection: o}], groups: [{name: nightly, pipelines: [orders], concurency: 2}]}"|"p.yaml: group 'nightly', key 'concurency' is not a known key; use name, pipelines, concurrency or schedule."
            """)
    void anUnknownKeyIsNamedWithItsPathAndTheKeysThatAreKnownThere(String yaml, String sentence) {
        assertRefused(yaml, sentence);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            "pipelines: [{name: orders, connection: o, pollInterval: soon}]"|"p.yaml: pipeline 'orders', key 'pollInterval' is 'soon'; use a duration like 500ms, 30s, 10m, 2h, 1d or PT10M."
            "defaults: {timeout: [1h]}"|"p.yaml: key 'defaults.timeout' must be a duration like 500ms, 30s, 10m, 2h, 1d or PT10M."
            "pipelines: [{name: orders, connection: o, cancelOnTimeout: maybe}]"|"p.yaml: pipeline 'orders', key 'cancelOnTimeout' is 'maybe'; use true or false."
            "pipelines: [{name: orders, connection: o, cancelOnTimeout: 1}]"|"p.yaml: pipeline 'orders', key 'cancelOnTimeout' is '1'; use true or false."
            "pipelines: [{name: orders, connection: o, jobType: refresh}]"|"p.yaml: pipeline 'orders', key 'jobType' is 'refresh'; use sync, reset or clear."
            "pipelines: [{name: orders, connection: [a, b]}]"|"p.yaml: pipeline 'orders', key 'connection' must be a text value."
            "pipelines: [{name: orders, connection: o, dependsOn: {a: 1}}]"|"p.yaml: pipeline 'orders', key 'dependsOn' must be a pipeline name or a list of them."
            "pipelines: [{name: orders, connection: o, dependsOn: [a, {b: 1}]}]"|"p.yaml: pipeline 'orders', key 'dependsOn[1]' must be a text value."
            "pipelines: [{name: orders, connection: o, postSync: warehouse}]"|"p.yaml: pipeline 'orders', key 'postSync' is 'warehouse'; use a map with dataSource, analyze and checks."
            "pipelines: [{name: orders, connection: o, watchdog: 30m}]"|"p.yaml: pipeline 'orders', key 'watchdog' is '30m'; use a map such as {noProgressFor: 30m, onNoProgress: cancel}."
            "pipelines: [{name: orders, connection: o, watchdog: {maxIncompleteAttempts: 2.5}}]"|"p.yaml: pipeline 'orders', key 'watchdog.maxIncompleteAttempts' is '2.5'; use a whole number of 1 or more."
            "pipelines: [{name: orders, connection: o, watchdog: {maxIncompleteAttempts: 0}}]"|"p.yaml: pipeline 'orders', key 'watchdog.maxIncompleteAttempts' is '0'; use a whole number of 1 or more."
            "pipelines: [{name: orders, connection: o, watchdog: {onTimeout: stop}}]"|"p.yaml: pipeline 'orders', key 'watchdog.onTimeout' is 'stop'; use cancel or leave."
            "pipelines: [{name: orders, connection: o, watchdog: {noProgressFor: 0s}}]"|"p.yaml: pipeline 'orders', key 'watchdog.noProgressFor' must be longer than zero, like 30m."
            "pipelines: [{name: {a: 1}, connection: o}]"|"p.yaml: pipeline #1, key 'name' must be a text value."
            "pipelines: [orders]"|"p.yaml: pipeline #1 is 'orders'; use a map with at least name and connection."
            "pipelines: {name: orders}"|"p.yaml: key 'pipelines' must be a list of pipelines."
            "defaults: 10s"|"p.yaml: key 'defaults' is '10s'; use a map of pipeline keys every pipeline has unless it sets its own, such as {pollInterval: 10s, timeout: 6h}."
            "[orders]"|"p.yaml must be a map with defaults, pipelines and groups."
            "{pipelines: [{name: orders, connection: o}], groups: [{name: nightly, pipelines: [orders], concurrency: lots}]}"|"p.yaml: group 'nightly', key 'concurrency' is 'lots'; use a whole number of 1 or more: how many of its pipelines may sync at the same time."
            "{pipelines: [{name: orders, connection: o}], groups: [{name: nightly, pipelines: [orders], concurrency: 0}]}"|"p.yaml: group 'nightly', key 'concurrency' is '0'; use a whole number of 1 or more: how many of its pipelines may sync at the same time."
            "{pipelines: [{name: orders, connection: o}], groups: [{name: nightly, pipelines: orders}]}"|"p.yaml: group 'nightly', key 'pipelines' is 'orders'; use a non-empty list of pipeline names."
            "{pipelines: [{name: orders, connection: o}], groups: [{name: nightly, pipelines: []}]}"|"p.yaml: group 'nightly', key 'pipelines' must be a non-empty list of pipeline names."
            "{pipelines: [{name: orders, connection: o}], groups: [nightly]}"|"p.yaml: group #1 is 'nightly'; use a map with name and pipelines."
            "pipelines: [{name: orders, connection: o, schedule: {timeZone: UTC}}]"|"p.yaml: pipeline 'orders', key 'schedule.cron' is missing; write six or seven fields like '0 0 2 * * ?'."
            """)
    void aValueOfTheWrongKindIsNamedWithWhatToWrite(String yaml, String sentence) {
        assertRefused(yaml, sentence);
    }

    @Test
    void aBadDefaultIsNamedUnderDefaultsNotUnderAPipeline() {
        assertThatThrownBy(() -> PipelinesFile.parse("p.yaml", """
                        defaults: {pollInterval: 2h, timeout: 1h}
                        pipelines:
                          - {name: orders, connection: o, pollInterval: 10s}
                        """))
                .hasMessage("p.yaml: key 'defaults.pollInterval' must be positive and shorter than timeout.");
    }

    @Test
    void defaultsApplyWhereAPipelineLeavesAKeyOut() {
        PipelineCatalog catalog = PipelinesFile.parse("p.yaml", """
                defaults: {jobType: reset, pollInterval: 2s, timeout: 1h, cancelOnTimeout: false}
                pipelines:
                  - {name: orders, connection: o, dependsOn: crm}
                  - {name: crm, connection: c, jobType: SYNC, timeout: 30m, cancelOnTimeout: true}
                """);

        Pipeline orders = catalog.find("orders").orElseThrow();
        assertThat(orders.jobType()).isEqualTo(JobType.RESET);
        assertThat(orders.pollInterval()).isEqualTo(Duration.ofSeconds(2));
        assertThat(orders.cancelOnTimeout()).isFalse();
        assertThat(orders.dependsOn()).as("one name is a list of one").containsExactly("crm");
        Pipeline crm = catalog.find("crm").orElseThrow();
        assertThat(crm.jobType()).isEqualTo(JobType.SYNC);
        assertThat(crm.timeout()).isEqualTo(Duration.ofMinutes(30));
        assertThat(crm.cancelOnTimeout()).isTrue();
        assertThat(catalog.find(PipelineCatalog.ADHOC).orElseThrow().timeout()).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void withoutDefaultsAPipelineHasTheDocumentedOnes() {
        Pipeline p = PipelinesFile.parse("p.yaml", "pipelines: [{name: orders, connection: o}]")
                .find("orders")
                .orElseThrow();

        assertThat(p)
                .isEqualTo(new Pipeline(
                        "orders",
                        "o",
                        JobType.SYNC,
                        Duration.ofSeconds(10),
                        Duration.ofHours(6),
                        true,
                        null,
                        java.util.List.of(),
                        null,
                        Watchdog.OFF));
    }

    @Test
    void anEmptyFileHasNoPipelines() {
        assertThat(PipelinesFile.parse("p.yaml", "").all()).isEmpty();
    }

    @Test
    void theShippedFilesAreRead() {
        ConnectionNaming prod = new ConnectionNaming("prod", ConnectionNaming.DEFAULT_FORMAT);
        assertThat(PipelinesFile.load(Path.of("config/pipelines.yaml"), prod).findGroup("nightly"))
                .isPresent();
        assertThat(PipelinesFile.load(Path.of("deploy/kubernetes/base/config/pipelines.yaml"))
                        .all())
                .isNotEmpty();
    }

    private static void assertRefused(String yaml, String sentence) {
        assertThatThrownBy(() -> PipelinesFile.parse("p.yaml", yaml))
                .isInstanceOf(PipelineConfigException.class)
                .hasMessage(sentence);
    }
}
