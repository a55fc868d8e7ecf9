package org.camelbyte.airbyte;

import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** A workspace's id and name, as far as connection listing needs it. */
record WorkspaceRef(String id, String name) {
    /** Compiled once: every run's connection lookup asks whether the name it was given is an id. */
    private static final Pattern UUID =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    /**
     * The workspaces to list connections of: all of them, or the one the settings name (by id or
     * case-insensitive name).
     */
    static List<WorkspaceRef> select(List<WorkspaceRef> visible, String wanted) {
        if (wanted == null) {
            return visible;
        }
        List<WorkspaceRef> chosen = visible.stream()
                .filter(w -> wanted.equals(w.id()) || wanted.equalsIgnoreCase(w.name()))
                .toList();
        if (chosen.isEmpty()) {
            String names = visible.stream().map(WorkspaceRef::name).sorted().collect(Collectors.joining(", "));
            throw new ConnectionLookupException("Workspace '" + wanted + "' is not among the workspaces these "
                    + "Airbyte credentials see (" + (names.isEmpty() ? "none" : names)
                    + "); set the workspace setting to one of them or leave it empty.");
        }
        return chosen;
    }

    static boolean looksLikeId(String value) {
        return value != null && UUID.matcher(value).matches();
    }
}
