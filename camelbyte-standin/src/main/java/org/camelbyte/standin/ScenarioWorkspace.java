package org.camelbyte.standin;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** A workspace of the scenario; without an id it gets one derived from its name, stable across restarts. */
public record ScenarioWorkspace(String id, String name) {

    public ScenarioWorkspace {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("every workspace needs a name");
        }
        if (id == null || id.isBlank()) {
            id = UUID.nameUUIDFromBytes(("workspace:" + name).getBytes(StandardCharsets.UTF_8))
                    .toString();
        }
    }
}
