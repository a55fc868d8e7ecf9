package org.camelbyte.airbyte;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** A secret never shows through the one masking home, while the rest of the text stays readable. */
class RedactionTest {
    @Test
    void everySecretInATextIsMaskedAndTheRestKept() {
        String text = "401 from https://airbyte.example: token s3cr3t-token rejected for client s3cr3t-client";

        String cleaned = Redaction.clean(text, Arrays.asList("s3cr3t-token", null, " ", "s3cr3t-client"));

        assertThat(cleaned)
                .doesNotContain("s3cr3t")
                .isEqualTo("401 from https://airbyte.example: token **** rejected for client ****");
    }

    @Test
    void aMaskedFieldSaysWhetherItIsSetButNotItsValue() {
        assertThat(Redaction.mask("hunter2")).isEqualTo("****");
        assertThat(Redaction.mask(null)).isEqualTo("null");
    }
}
