package org.camelbyte.standin;

import java.util.List;

/** A sync job that succeeded, with what it "wrote", so a listener can land demo rows in a warehouse. */
public record FinishedSync(
        long jobId,
        String connectionId,
        String connectionName,
        String workspaceName,
        String namespace,
        String prefix,
        List<StreamRows> streams) {}
