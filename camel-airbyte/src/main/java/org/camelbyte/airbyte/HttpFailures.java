package org.camelbyte.airbyte;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;

/** Turns failed calls into the room's typed exceptions, each message one sentence a person can act on. */
final class HttpFailures {
    private static final String LOOK_BEFORE_STARTING_ANOTHER =
            "the job may have been created, so the next try looks for it among the connection's newer jobs before starting another";

    private final URI base;
    private final Redactor redactor;
    private final Clock clock;

    HttpFailures(URI base, Redactor redactor, Clock clock) {
        this.base = base;
        this.redactor = redactor;
        this.clock = clock;
    }

    AirbyteUnavailableException unreachable(ApiRequest request, IOException cause) {
        String what = cause instanceof InterruptedIOException
                ? "timed out"
                : "failed (" + redactor.excerpt(cause.getClass().getSimpleName() + ": " + cause.getMessage()) + ")";
        String advice = request.createsJob()
                ? LOOK_BEFORE_STARTING_ANOTHER
                : "check that Airbyte is up and reachable, then retry";
        return new AirbyteUnavailableException(
                "Airbyte call " + where(request) + " " + what + "; " + advice + ".", null, request.createsJob(), cause);
    }

    AirbyteException fromAnswer(ApiRequest request, ApiAnswer answer) {
        int status = answer.status();
        String detail = redactor.excerpt(answer.errorDetail());
        String said = detail.isEmpty() ? "" : ": " + detail;
        if (status == 429) {
            Duration retryAfter =
                    RetryAfter.parse(answer.headers().firstValue("Retry-After").orElse(null), clock);
            return new AirbyteUnavailableException(
                    "Airbyte is shedding load, " + where(request) + " answered 429"
                            + said + "; retry "
                            + (retryAfter == null ? "later" : "after " + retryAfter.toSeconds() + " s")
                            + ".",
                    retryAfter,
                    false,
                    null);
        }
        if (status >= 500) {
            // a gateway's 502 or 504 (or Airbyte's own 500 after it created the job) says nothing of whether the
            // job exists, and the request may still be on its way to Airbyte
            return new AirbyteUnavailableException(
                    "Airbyte failed, " + where(request) + " answered " + status + said + "; "
                            + (request.createsJob()
                                    ? LOOK_BEFORE_STARTING_ANOTHER
                                    : "retry later or look at the Airbyte server's logs")
                            + ".",
                    null,
                    request.createsJob(),
                    null);
        }
        return rejected(request, status, said, adviceFor(status));
    }

    AirbyteRejectedException rejected(ApiRequest request, int status, String said, String advice) {
        return new AirbyteRejectedException(
                status, "Airbyte refused " + where(request) + " with " + status + said + "; " + advice + ".");
    }

    String where(ApiRequest request) {
        return request.describe().replaceFirst(" ", " " + base.getPath());
    }

    String detail(ApiAnswer answer) {
        return redactor.excerpt(answer.errorDetail());
    }

    private static String adviceFor(int status) {
        return switch (status) {
            case 401 -> "check the Airbyte credentials (auth mode, user, token or client credentials)";
            case 403 -> "give these credentials access to the workspace or connection";
            case 404 -> "check the base URL, the API flavour and the id";
            default -> "fix the request or the Airbyte setup; retrying the same call will not help";
        };
    }
}
