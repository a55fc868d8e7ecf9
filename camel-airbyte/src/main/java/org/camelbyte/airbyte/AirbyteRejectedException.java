package org.camelbyte.airbyte;

/** A final answer from Airbyte (4xx other than 429, or a 409 that is not "already running"): do not retry. */
public class AirbyteRejectedException extends AirbyteException {
    private final int status;

    public AirbyteRejectedException(int status, String message) {
        super(message);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
