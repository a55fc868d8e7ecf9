package org.camelbyte.airbyte;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Durations in messages read as people write them in config, and read back as the same duration. */
class DurationsTest {
    @Test
    void messagesWriteDurationsAsConfigDoes() {
        assertThat(Durations.format(Duration.ofMillis(400))).isEqualTo("400ms");
        assertThat(Durations.format(Duration.ofSeconds(45))).isEqualTo("45s");
        assertThat(Durations.format(Duration.ofMinutes(5))).isEqualTo("5m");
        assertThat(Durations.format(Duration.ofSeconds(3723))).isEqualTo("1h2m3s");
        assertThat(Durations.format(Duration.ofDays(1))).isEqualTo("24h");
        assertThat(Durations.format(Duration.ofMillis(1500))).isEqualTo("1s");
    }

    @Test
    void aWrittenSingleUnitDurationReadsBackTheSame() {
        for (String text : new String[] {"400ms", "45s", "5m", "24h"}) {
            assertThat(Durations.format(Durations.parse(text))).isEqualTo(text);
        }
    }
}
