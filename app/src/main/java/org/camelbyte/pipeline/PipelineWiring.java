package org.camelbyte.pipeline;

import java.nio.file.Path;
import org.camelbyte.config.Settings;

/** Reads the pipelines file ({@code pipelines.file}) once at startup, completing logical connection names. */
public final class PipelineWiring {
    private PipelineWiring() {}

    /** The environment completing logical connection names is pipelines.environment, else the Camel Main profile. */
    public static PipelineCatalog load(Settings settings, String profile) {
        ConnectionNaming naming = new ConnectionNaming(
                settings.get("pipelines.environment").orElse(profile),
                settings.require("pipelines.connection-name-format"));
        return PipelinesFile.load(Path.of(settings.require("pipelines.file")), naming);
    }
}
