package org.camelbyte.standin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camelbyte.standin.StandInClient.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class StandInPaginationTest {

    private static final int CONNECTIONS = 237;

    @Test
    void followingNextReturnsEveryConnectionOnce() {
        try (AirbyteStandIn standIn = AirbyteStandIn.start(manyConnections(), 0)) {
            StandInClient client = new StandInClient(standIn);
            List<String> names = new ArrayList<>();
            String url = standIn.publicApiUrl() + "/connections?limit=100";
            while (url != null) {
                JsonNode page = json(client.send(client.request(url).GET()));
                page.get("data").forEach(c -> names.add(c.get("name").asText()));
                url = page.hasNonNull("next") ? page.get("next").asText() : null;
                assertThat(url == null || URI.create(url).getPort() == standIn.port())
                        .isTrue();
            }
            assertThat(names).hasSize(CONNECTIONS).doesNotHaveDuplicates();
            assertThat(client.publicGet("/connections?limit=101").statusCode()).isEqualTo(400);
        }
    }

    @Test
    void configListPaginatedWalksAllPages() {
        try (AirbyteStandIn standIn = AirbyteStandIn.start(manyConnections(), 0)) {
            StandInClient client = new StandInClient(standIn);
            List<String> ids = new ArrayList<>();
            for (int offset = 0; ; offset += 50) {
                JsonNode page = json(client.configPost(
                        "/connections/list_paginated",
                        "{\"workspaceIds\":[],\"pagination\":{\"pageSize\":50,\"rowOffset\":" + offset + "}}"));
                page.get("connections")
                        .forEach(c -> ids.add(c.get("connectionId").asText()));
                if (page.get("connections").size() < 50) {
                    break;
                }
            }
            assertThat(ids).hasSize(CONNECTIONS).doesNotHaveDuplicates();
        }
    }

    private static StandInScenario manyConnections() {
        String connections = IntStream.range(0, CONNECTIONS)
                .mapToObj(i -> "  - {name: \"conn-" + i + "\"}")
                .collect(Collectors.joining("\n"));
        return StandInScenario.fromYaml("connections:\n" + connections + "\n");
    }
}
