package org.camelbyte.airbyte;

import java.util.Collection;

/**
 * The one home of secret masking, for the client and the app alike. Secrets are marked where they are declared
 * (the app reads them through {@code Settings#secret}: an env var or {@code <key>-file}; the component's options
 * are {@code secret = true}). Wherever a secret could show (a settings {@code toString}, an error text that echoes
 * a request) it goes through here.
 */
public final class Redaction {
    /** What a secret shows as. */
    public static final String MASK = "****";

    private Redaction() {}

    /** A secret field in a {@code toString}: whether it is set, never its value. */
    public static String mask(String secret) {
        return secret == null ? "null" : MASK;
    }

    /** {@code text} with every occurrence of each non-blank secret replaced by the mask; "" for null. */
    public static String clean(String text, Collection<String> secrets) {
        if (text == null) {
            return "";
        }
        String cleaned = text;
        for (String secret : secrets) {
            if (secret != null && !secret.isBlank()) {
                cleaned = cleaned.replace(secret, MASK);
            }
        }
        return cleaned;
    }
}
