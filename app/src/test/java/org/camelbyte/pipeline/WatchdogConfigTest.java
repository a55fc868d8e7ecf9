package org.camelbyte.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The watchdog keys of pipelines.yaml: per cause, on top of defaults, and the older cancelOnTimeout still read. */
class WatchdogConfigTest {
    @Test
    void aPipelineWatchdogAddsToTheDefaultsOne() {
        Pipeline p = only("""
                defaults:
                  watchdog: { pendingFor: 10m, onPendingTooLong: cancel }
                pipelines:
                  - name: orders
                    connection: orders (PROD)
                    watchdog: { noProgressFor: 30m, maxIncompleteAttempts: 3, onTooManyAttempts: cancel, onTimeout: leave }
                """);

        assertThat(p.watchdog())
                .isEqualTo(new Watchdog(
                        Duration.ofMinutes(10),
                        Duration.ofMinutes(30),
                        3,
                        Watchdog.Action.CANCEL,
                        Watchdog.Action.WARN,
                        Watchdog.Action.CANCEL));
        assertThat(p.cancelOnTimeout()).isFalse();
    }

    @Test
    void withoutAWatchdogEveryWatchIsOffAndCancelOnTimeoutStillCounts() {
        Pipeline p = only("""
                pipelines:
                  - { name: orders, connection: orders (PROD), cancelOnTimeout: false }
                """);

        assertThat(p.watchdog()).isEqualTo(Watchdog.OFF);
        assertThat(p.cancelOnTimeout()).isFalse();
    }

    @Test
    void anUnknownPolicyIsRejectedNamingTheKey() {
        assertThatThrownBy(() -> only("""
                pipelines:
                  - { name: orders, connection: orders (PROD), watchdog: { onNoProgress: kill } }
                """))
                .isInstanceOf(PipelineConfigException.class)
                .hasMessageContaining("orders")
                .hasMessageContaining("onNoProgress")
                .hasMessageContaining("warn or cancel");
    }

    private static Pipeline only(String yaml) {
        return PipelinesFile.parse("pipelines.yaml", yaml).find("orders").orElseThrow();
    }
}
