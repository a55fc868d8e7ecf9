package org.camelbyte.airbyte;

import java.util.List;

/** A connection as the lookup needs it; streams, namespace and prefix tell where data lands. */
public record AirbyteConnection(
        String connectionId,
        String name,
        String workspaceId,
        String workspaceName,
        String status,
        String namespace,
        String prefix,
        List<String> streams) {

    public boolean isActive() {
        return "active".equalsIgnoreCase(status);
    }
}
