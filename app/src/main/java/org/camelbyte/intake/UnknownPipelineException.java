package org.camelbyte.intake;

/** A request names a pipeline that is not configured. */
public class UnknownPipelineException extends NotFoundException {
    public UnknownPipelineException(String message) {
        super(message);
    }
}
