package org.camelbyte.airbyte;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TimestampsTest {
    private static final Instant AT = Instant.parse("2024-05-01T10:15:30Z");

    @Test
    void readsIsoTextEpochSecondsAndEpochMillis() {
        assertThat(Timestamps.parse("2024-05-01T10:15:30Z")).isEqualTo(AT);
        assertThat(Timestamps.parse("2024-05-01T12:15:30+02:00")).isEqualTo(AT);
        assertThat(Timestamps.parse(JsonNodeFactory.instance.numberNode(AT.getEpochSecond())))
                .isEqualTo(AT);
        assertThat(Timestamps.parse(JsonNodeFactory.instance.numberNode(AT.toEpochMilli())))
                .isEqualTo(AT);
        assertThat(Timestamps.parse(String.valueOf(AT.getEpochSecond()))).isEqualTo(AT);
    }

    @Test
    void everyTextReadsAsItsOwnTimeAlsoAfterMoreThanTheParsedTextsKept() {
        for (int second = 0; second < 10_000; second++) {
            Instant at = AT.plusSeconds(second);
            assertThat(Timestamps.parse(at.toString())).isEqualTo(at);
        }
        assertThat(Timestamps.parse(" 2024-05-01T10:15:30Z ")).isEqualTo(AT);
        assertThat(Timestamps.parse("2024-05-01T12:15:30+02:00")).isEqualTo(AT);
    }

    @Test
    void unreadableTimesAreNullNotErrors() {
        assertThat(Timestamps.parse("yesterday")).isNull();
        assertThat(Timestamps.parse((String) null)).isNull();
    }
}
