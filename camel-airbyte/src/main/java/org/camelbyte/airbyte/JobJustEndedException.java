package org.camelbyte.airbyte;

/**
 * Airbyte refused a start with 409 "already running", then listed no unfinished job on the connection: the job
 * it meant ended between the two calls. Nothing was created (a 409 creates no job), so starting again at once is
 * safe. Not a sign of Airbyte's health: a circuit breaker should not count it.
 */
public class JobJustEndedException extends AirbyteUnavailableException {
    public JobJustEndedException(String message) {
        super(message, null, false, null);
    }
}
