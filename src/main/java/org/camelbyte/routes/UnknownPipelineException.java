package org.camelbyte.routes;

public class UnknownPipelineException extends RuntimeException {
    public UnknownPipelineException(String message) {
        super(message);
    }
}
