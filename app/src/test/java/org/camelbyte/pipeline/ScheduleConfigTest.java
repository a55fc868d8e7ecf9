package org.camelbyte.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A pipeline's and a group's {@code schedule} share one reader: the same checks, each owner's own keys,
 * one sentence per problem naming the file, the pipeline or group, and the key.
 */
class ScheduleConfigTest {

    @Test
    void pipelineAndGroupSchedulesAreRead() {
        PipelineCatalog catalog = PipelinesFile.parse("p.yaml", """
                pipelines:
                  - {name: orders, connection: o, schedule: {cron: '0 0 2 * * ?', timeZone: Europe/Paris, whenBusy: queue, misfire: skip}}
                  - {name: crm, connection: c, schedule: '0 0 3 * * ?'}
                groups:
                  - {name: nightly, pipelines: [orders, crm], schedule: {cron: '0 0 4 * * ?', timeZone: UTC}}
                """);

        assertThat(catalog.find("orders").orElseThrow().schedule())
                .isEqualTo(new Schedule("0 0 2 * * ?", "Europe/Paris", true, false));
        assertThat(catalog.find("crm").orElseThrow().schedule())
                .isEqualTo(new Schedule("0 0 3 * * ?", "UTC", false, true));
        assertThat(catalog.findGroup("nightly").orElseThrow().schedule())
                .as("a group run never overlaps itself")
                .isEqualTo(new Schedule("0 0 4 * * ?", "UTC", false, false));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "[1]|p.yaml: pipeline 'orders', key 'schedule' must be a cron text or a map with cron, timeZone, whenBusy, misfire.",
                "{cron: '0 0 2 * * ?', every: day}|p.yaml: pipeline 'orders', key 'schedule.every' is not a known key; use cron, timeZone, whenBusy or misfire.",
                "{cron: '0 0 2 * * ?', timeZone: Mars/Base}|p.yaml: pipeline 'orders', key 'schedule.timeZone' 'Mars/Base' is not a time zone; use a name like Europe/Paris or UTC.",
                "{cron: '0 0 2 * * ?', whenBusy: wait}|p.yaml: pipeline 'orders', key 'schedule.whenBusy' is 'wait'; use skip or queue.",
                "{cron: '0 0 2 * * ?', misfire: always}|p.yaml: pipeline 'orders', key 'schedule.misfire' is 'always'; use run_once or skip."
            })
    void pipelineScheduleProblemsAreOneSentence(String schedule, String sentence) {
        assertThatThrownBy(() -> PipelinesFile.parse("p.yaml", """
                        pipelines:
                          - {name: orders, connection: o, schedule: %s}
                        """.formatted(schedule)))
                .isInstanceOf(PipelineConfigException.class)
                .hasMessage(sentence);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "[1]|p.yaml: group 'nightly', key 'schedule' must be a cron text or a map with cron and timeZone.",
                "{cron: '0 0 2 * * ?', whenBusy: queue}|p.yaml: group 'nightly', key 'schedule.whenBusy' is not a known key; use cron or timeZone.",
                "{cron: '0 0 2 * * ?', timeZone: Mars/Base}|p.yaml: group 'nightly', key 'schedule.timeZone' 'Mars/Base' is not a time zone; use a name like Europe/Paris or UTC."
            })
    void groupScheduleProblemsAreOneSentence(String schedule, String sentence) {
        assertThatThrownBy(() -> PipelinesFile.parse("p.yaml", """
                        pipelines:
                          - {name: orders, connection: o}
                        groups:
                          - {name: nightly, pipelines: [orders], schedule: %s}
                        """.formatted(schedule)))
                .isInstanceOf(PipelineConfigException.class)
                .hasMessage(sentence);
    }

    @Test
    void aBadCronNamesItsOwner() {
        assertThatThrownBy(() -> PipelinesFile.parse("p.yaml", """
                        pipelines:
                          - {name: orders, connection: o, schedule: 'every night'}
                        """))
                .hasMessageStartingWith(
                        "p.yaml: pipeline 'orders', key 'schedule.cron' 'every night' is not a Quartz cron (")
                .hasMessageEndingWith("); write six or seven fields like '0 0 2 * * ?'.");
        assertThatThrownBy(() -> PipelinesFile.parse("p.yaml", """
                        pipelines:
                          - {name: orders, connection: o}
                        groups:
                          - {name: nightly, pipelines: [orders], schedule: 'every night'}
                        """))
                .hasMessageStartingWith(
                        "p.yaml: group 'nightly', key 'schedule.cron' 'every night' is not a Quartz cron (")
                .hasMessageEndingWith("); write six or seven fields like '0 0 2 * * ?'.");
    }
}
