package org.camelbyte.intake;

/** Names something that does not exist (a pipeline, group, run or group run); the API answers it 404. */
public class NotFoundException extends RuntimeException {
    public NotFoundException(String message) {
        super(message);
    }
}
