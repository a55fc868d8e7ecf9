package org.camelbyte.group;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.camelbyte.pipeline.ConnectionNaming;
import org.camelbyte.pipeline.PipelineCatalog;
import org.camelbyte.pipeline.PipelineConfigException;
import org.camelbyte.pipeline.PipelineGroup;
import org.camelbyte.pipeline.PipelinesFile;
import org.junit.jupiter.api.Test;

/** Start-up checks of the dependency graph and groups, one sentence per problem, and the order they give. */
class GraphConfigTest {

    @Test
    void groupRunsItsMembersAfterWhatTheyDependOn() {
        PipelineCatalog catalog = PipelinesFile.parse("p.yaml", """
                pipelines:
                  - {name: bigquery, connection: b, dependsOn: [warehouse, postgres]}
                  - {name: warehouse, connection: w, dependsOn: [mysql, salesforce]}
                  - {name: postgres, connection: p, dependsOn: mysql}
                  - {name: mysql, connection: m}
                  - {name: salesforce, connection: s}
                  - {name: outside, connection: o}
                groups:
                  - {name: nightly, pipelines: [mysql, bigquery, warehouse, postgres], concurrency: 2}
                """);
        PipelineGroup nightly = catalog.findGroup("nightly").orElseThrow();

        assertThat(nightly.order()).containsExactly("mysql", "warehouse", "postgres", "bigquery");
        assertThat(nightly.upstreamOf("warehouse"))
                .as("salesforce is not a member")
                .containsExactly("mysql");
        assertThat(nightly.concurrency()).isEqualTo(2);
    }

    @Test
    void unknownDependencyIsRefusedEvenOutsideGroups() {
        assertThatThrownBy(() -> PipelinesFile.parse("p.yaml", """
                pipelines:
                  - {name: mysql, connection: m}
                  - {name: warehouse, connection: w, dependsOn: [mysq]}
                """))
                .isInstanceOf(PipelineConfigException.class)
                .hasMessage(
                        "p.yaml: pipeline 'warehouse' depends on 'mysq', which is not a pipeline; known pipelines: mysql, warehouse.");
    }

    @Test
    void cycleIsRefusedNamingThePipelinesOnIt() {
        assertThatThrownBy(() -> PipelinesFile.parse("p.yaml", """
                pipelines:
                  - {name: root, connection: r}
                  - {name: a, connection: a, dependsOn: [root, c]}
                  - {name: b, connection: b, dependsOn: a}
                  - {name: c, connection: c, dependsOn: b}
                """))
                .isInstanceOf(PipelineConfigException.class)
                .hasMessage(
                        "p.yaml: pipelines a -> c -> b -> a depend on each other in a cycle; remove one of these dependsOn entries.");
    }

    @Test
    void duplicateNamesAreRefused() {
        assertThatThrownBy(() -> PipelinesFile.parse("p.yaml", """
                pipelines:
                  - {name: mysql, connection: m}
                  - {name: mysql, connection: n}
                """))
                .hasMessage("p.yaml: pipeline name 'mysql' is used twice; names must be unique.");
        assertThatThrownBy(() -> PipelinesFile.parse("p.yaml", """
                pipelines:
                  - {name: mysql, connection: m}
                groups:
                  - {name: nightly, pipelines: [mysql]}
                  - {name: nightly, pipelines: [mysql]}
                """))
                .hasMessage("p.yaml: group name 'nightly' is used twice; names must be unique.");
    }

    @Test
    void groupMemberMustBeAPipeline() {
        assertThatThrownBy(() -> PipelinesFile.parse("p.yaml", """
                pipelines:
                  - {name: mysql, connection: m}
                groups:
                  - {name: nightly, pipelines: [mysql, salesforce]}
                """))
                .hasMessage(
                        "p.yaml: group 'nightly', key 'pipelines' names 'salesforce', which is not a pipeline; known pipelines: mysql.");
    }

    @Test
    void logicalConnectionIsCompletedByTheEnvironment() {
        String yaml = """
                pipelines:
                  - {name: mysql, logicalConnection: mysql}
                  - {name: legacy, connection: legacy (PROD)}
                """;
        PipelineCatalog staging =
                PipelinesFile.parse("p.yaml", yaml, new ConnectionNaming("staging", ConnectionNaming.DEFAULT_FORMAT));
        PipelineCatalog dev = PipelinesFile.parse("p.yaml", yaml, new ConnectionNaming("dev", "{env}_{name}"));

        assertThat(staging.find("mysql").orElseThrow().connectionName()).isEqualTo("mysql (STAGING)");
        assertThat(dev.find("mysql").orElseThrow().connectionName()).isEqualTo("dev_mysql");
        assertThat(dev.find("legacy").orElseThrow().connectionName())
                .as("a full name stays as it is")
                .isEqualTo("legacy (PROD)");
        assertThatThrownBy(() -> PipelinesFile.parse("p.yaml", yaml))
                .hasMessageContaining("key 'logicalConnection' is 'mysql', which needs an environment");
    }
}
