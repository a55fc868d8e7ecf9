package org.camelbyte.airbyte;

/** No auth, basic auth or a fixed bearer token: nothing to renew after a 401. */
final class StaticAuth implements AirbyteAuth {
    private final String authorization;

    StaticAuth(String authorization) {
        this.authorization = authorization;
    }

    @Override
    public String authorization() {
        return authorization;
    }

    @Override
    public boolean renewAfterRejection(String refusedAuthorization) {
        return false;
    }
}
