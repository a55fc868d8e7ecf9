package org.camelbyte.airbyte;

/**
 * How the Config API lists workspaces: {@code /workspaces/list} exists up to Airbyte 1.6,
 * {@code /workspaces/list_paginated} from 1.7 on.
 */
public enum WorkspaceListing {
    /** Try {@code list_paginated}; on 404 fall back to {@code list} and remember that. */
    AUTO,
    PAGINATED,
    LEGACY;

    public static WorkspaceListing parse(String value) {
        return EnumValues.parse(WorkspaceListing.class, value, "airbyte workspace listing");
    }
}
