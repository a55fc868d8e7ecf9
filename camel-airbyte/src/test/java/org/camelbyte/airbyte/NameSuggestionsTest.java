package org.camelbyte.airbyte;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class NameSuggestionsTest {
    private final List<String> names = List.of("orders-to-warehouse", "customers-to-warehouse", "invoices", "zz");

    @Test
    void closestNamesComeFirstAndAtMostThree() {
        assertThat(NameSuggestions.closest("orders-to-warehous", names)).first().isEqualTo("orders-to-warehouse");
        assertThat(NameSuggestions.closest("warehouse", names))
                .containsExactlyInAnyOrder("orders-to-warehouse", "customers-to-warehouse");
        assertThat(NameSuggestions.closest("x", List.of("xa", "xb", "xc", "xd")))
                .hasSize(3);
    }

    @Test
    void unrelatedNamesAreNotSuggested() {
        assertThat(NameSuggestions.closest("payments-to-lake", names)).doesNotContain("zz", "invoices");
    }
}
