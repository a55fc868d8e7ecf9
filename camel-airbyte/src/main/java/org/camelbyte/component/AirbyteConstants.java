package org.camelbyte.component;

import org.apache.camel.spi.Metadata;

/** The headers the airbyte: component reads and sets. */
public final class AirbyteConstants {
    @Metadata(
            description =
                    "The Airbyte job id: set by sync, job, cancel and run; read by job and cancel when no jobId option is given.",
            javaType = "Long")
    public static final String JOB_ID = "CamelAirbyteJobId";

    @Metadata(
            description = "The job's status as Airbyte names it (pending, running, succeeded, failed, cancelled, ...).",
            javaType = "String")
    public static final String JOB_STATUS = "CamelAirbyteJobStatus";

    @Metadata(
            description =
                    "The Airbyte connection id: set by lookup and sync; read by sync when no connection option is given.",
            javaType = "String")
    public static final String CONNECTION_ID = "CamelAirbyteConnectionId";

    @Metadata(
            description =
                    "The request id of airbyte:run: the same id twice starts one run. Set from the exchange id when absent.",
            javaType = "String")
    public static final String REQUEST_ID = "CamelAirbyteRequestId";

    @Metadata(
            description =
                    "The run id of the durable run that airbyte:run started, or of the outcome airbyte:outcomes delivers.",
            javaType = "String")
    public static final String RUN_ID = "CamelAirbyteRunId";

    private AirbyteConstants() {}
}
