package org.camelbyte.poststep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class TableNameTest {

    @Test
    void parsesSchemaAndTable() {
        assertThat(TableName.parse("public.orders")).isEqualTo(new TableName("public", "orders"));
        assertThat(TableName.parse("orders")).isEqualTo(new TableName(null, "orders"));
        assertThat(TableName.parse("public.orders").qualified()).isEqualTo("public.orders");
    }

    @Test
    void quotesPerDialect() {
        TableName table = TableName.parse("public.Orders");
        assertThat(table.quoted(Dialect.POSTGRESQL)).isEqualTo("\"public\".\"Orders\"");
        assertThat(table.quoted(Dialect.MYSQL)).isEqualTo("`public`.`Orders`");
        assertThat(table.quoted(Dialect.SQLSERVER)).isEqualTo("[public].[Orders]");
    }

    @Test
    void refusesNamesThatCouldCarrySql() {
        for (String bad : List.of("orders; drop table x", "\"a\"--", "a.b.c", "1orders", "", "or ders", "a'b")) {
            assertThatThrownBy(() -> TableName.parse(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void detectsDialectFromProductName() {
        assertThat(Dialect.fromProductName("PostgreSQL")).isEqualTo(Dialect.POSTGRESQL);
        assertThat(Dialect.fromProductName("MariaDB")).isEqualTo(Dialect.MYSQL);
        assertThat(Dialect.fromProductName("Microsoft SQL Server")).isEqualTo(Dialect.SQLSERVER);
        assertThat(Dialect.fromProductName("H2")).isEqualTo(Dialect.H2);
        assertThat(Dialect.fromProductName("Snowflake")).isEqualTo(Dialect.OTHER);
        assertThat(Dialect.H2.statisticsStatement("\"PUBLIC\".\"ORDERS\""))
                .isEqualTo("ANALYZE TABLE \"PUBLIC\".\"ORDERS\"");
        assertThat(Dialect.OTHER.refreshesStatistics()).isFalse();
    }

    @Test
    void namesTablesLikeAirbyte() {
        assertThat(TableNames.fromStreams("Sales-EU", "src_", List.of("Orders", "order items", "2024-stats", "Orders")))
                .containsExactly(
                        new TableName("sales_eu", "src_orders"),
                        new TableName("sales_eu", "src_order_items"),
                        new TableName("sales_eu", "src_2024_stats"));
        assertThat(TableNames.fromStreams(null, null, List.of("Café", "2024")))
                .containsExactly(new TableName(null, "cafe"), new TableName(null, "_2024"));
    }
}
