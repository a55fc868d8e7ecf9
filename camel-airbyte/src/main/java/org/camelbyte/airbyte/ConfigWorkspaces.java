package org.camelbyte.airbyte;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Lists workspaces through the Config API of any version: {@code /workspaces/list_paginated} from 1.7,
 * {@code /workspaces/list} up to 1.6. In AUTO mode the first 404 switches to the old call for good.
 */
final class ConfigWorkspaces {
    private static final int PAGE_SIZE = 100;

    private final AirbyteHttp http;
    private final String configuredWorkspace;
    private volatile WorkspaceListing listing;

    ConfigWorkspaces(AirbyteHttp http, WorkspaceListing listing, String configuredWorkspace) {
        this.http = http;
        this.listing = listing;
        this.configuredWorkspace = configuredWorkspace;
    }

    List<WorkspaceRef> list() {
        if (listing == WorkspaceListing.LEGACY) {
            return read(http.call(ApiRequest.post("/workspaces/list", null)));
        }
        List<WorkspaceRef> all = new ArrayList<>();
        for (int offset = 0; ; offset += PAGE_SIZE) {
            ApiRequest request = ApiRequest.post("/workspaces/list_paginated", pageRequest(offset));
            ApiAnswer answer = http.exchange(request);
            if (answer.status() == 404 && listing == WorkspaceListing.AUTO && offset == 0) {
                listing = WorkspaceListing.LEGACY;
                return list();
            }
            if (!answer.isSuccess()) {
                throw http.failures().fromAnswer(request, answer);
            }
            List<WorkspaceRef> page = read(answer.json());
            all.addAll(page);
            if (page.size() < PAGE_SIZE) {
                listing = WorkspaceListing.PAGINATED;
                return all;
            }
        }
    }

    /** A configured workspace id narrows the listing to it; otherwise every visible workspace is asked for. */
    private ObjectNode pageRequest(int offset) {
        ObjectNode body = Json.object();
        if (WorkspaceRef.looksLikeId(configuredWorkspace)) {
            body.putArray("workspaceIds").add(configuredWorkspace);
        } else {
            body.putArray("workspaceIds");
        }
        body.putObject("pagination").put("pageSize", PAGE_SIZE).put("rowOffset", offset);
        return body;
    }

    private static List<WorkspaceRef> read(JsonNode json) {
        List<WorkspaceRef> workspaces = new ArrayList<>();
        for (JsonNode node : Json.array(json, "workspaces")) {
            workspaces.add(new WorkspaceRef(Json.text(node, "workspaceId"), Json.text(node, "name")));
        }
        return workspaces;
    }
}
