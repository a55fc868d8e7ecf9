package org.camelbyte.standin;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One HTTP exchange as the stand-in saw it. Header names are lower case. {@code responseStatus} is 0
 * when the stand-in dropped the connection without answering.
 */
public record RecordedCall(
        String method,
        String path,
        String query,
        Map<String, List<String>> headers,
        String body,
        int responseStatus,
        Map<String, List<String>> responseHeaders,
        String responseBody) {

    public String header(String name) {
        List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    public boolean isPublicApi() {
        return path.startsWith(AirbyteStandIn.PUBLIC_BASE);
    }
}
