package org.camelbyte.standin;

/** Ends request handling early with a ready error answer. */
final class HttpProblem extends RuntimeException {

    private final transient StandInResponse response;

    HttpProblem(StandInResponse response) {
        super(response.body(), null, false, false);
        this.response = response;
    }

    StandInResponse response() {
        return response;
    }
}
