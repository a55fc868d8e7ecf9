package org.camelbyte.intake;

/** A run request that can never run as sent; the message says what to change. */
public class InvalidRunRequestException extends RuntimeException {
    public InvalidRunRequestException(String message) {
        super(message);
    }
}
