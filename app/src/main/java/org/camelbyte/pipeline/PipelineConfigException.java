package org.camelbyte.pipeline;

/** config/pipelines.yaml is not usable; the message names the file, the pipeline, the key and what is expected. */
public class PipelineConfigException extends RuntimeException {
    public PipelineConfigException(String message) {
        super(message);
    }
}
