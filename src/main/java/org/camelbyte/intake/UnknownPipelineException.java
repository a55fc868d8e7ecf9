package org.camelbyte.intake;

public class UnknownPipelineException extends RuntimeException {
    public UnknownPipelineException(String message) {
        super(message);
    }
}
