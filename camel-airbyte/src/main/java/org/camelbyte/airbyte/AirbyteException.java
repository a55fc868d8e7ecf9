package org.camelbyte.airbyte;

/** Base of every error the Airbyte room raises; messages are one sentence a person can act on. */
public class AirbyteException extends RuntimeException {
    public AirbyteException(String message) {
        super(message);
    }

    public AirbyteException(String message, Throwable cause) {
        super(message, cause);
    }
}
