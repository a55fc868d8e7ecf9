package org.camelbyte.run;

/** The state database refused a read or write; the run keeps its last written state. */
public class RunStoreException extends RuntimeException {
    public RunStoreException(String message, Throwable cause) {
        super("State database: " + message + " (" + cause.getMessage() + "); check that it is reachable.", cause);
    }
}
