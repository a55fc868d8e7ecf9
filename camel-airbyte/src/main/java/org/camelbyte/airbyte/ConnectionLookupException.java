package org.camelbyte.airbyte;

/** A connection name that matches none, several, or an inactive connection; final, not retried. */
public class ConnectionLookupException extends AirbyteException {
    public ConnectionLookupException(String message) {
        super(message);
    }
}
