package org.camelbyte.poststep;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;

/** The SQL differences post-sync steps care about: quoting, statistics refresh, casting to text. */
public enum Dialect {
    POSTGRESQL("\"", "\"", "ANALYZE "),
    /** MySQL and MariaDB; the MySQL driver reports MariaDB servers as MySQL anyway. */
    MYSQL("`", "`", "ANALYZE TABLE "),
    SQLSERVER("[", "]", "UPDATE STATISTICS "),
    H2("\"", "\"", "ANALYZE TABLE "),
    /** Anything else: ANSI quoting and no known statistics statement. */
    OTHER("\"", "\"", null);

    private final String open;
    private final String close;
    private final String statisticsPrefix;

    Dialect(String open, String close, String statisticsPrefix) {
        this.open = open;
        this.close = close;
        this.statisticsPrefix = statisticsPrefix;
    }

    public static Dialect of(Connection connection) throws SQLException {
        return fromProductName(connection.getMetaData().getDatabaseProductName());
    }

    public static Dialect fromProductName(String productName) {
        String product = productName == null ? "" : productName.toLowerCase(Locale.ROOT);
        if (product.contains("postgresql")) {
            return POSTGRESQL;
        }
        if (product.contains("mysql") || product.contains("mariadb")) {
            return MYSQL;
        }
        if (product.contains("sql server")) {
            return SQLSERVER;
        }
        if (product.equals("h2")) {
            return H2;
        }
        return OTHER;
    }

    /** Quotes one identifier; the closing quote is doubled so even an unvalidated name stays one identifier. */
    public String quote(String identifier) {
        return open + identifier.replace(close, close + close) + close;
    }

    public boolean refreshesStatistics() {
        return statisticsPrefix != null;
    }

    /** The statement refreshing optimizer statistics of a table quoted for this dialect. */
    public String statisticsStatement(String quotedTable) {
        if (!refreshesStatistics()) {
            throw new UnsupportedOperationException(this + " has no statistics statement");
        }
        return statisticsPrefix + quotedTable;
    }

    /**
     * Casts a column to text so it compares with string parameters whatever its type; PostgreSQL refuses
     * {@code integer <> varchar}, and each dialect spells an unbounded text type differently.
     */
    String castToText(String expression) {
        return switch (this) {
            case POSTGRESQL -> "cast(" + expression + " as text)";
            case MYSQL -> "cast(" + expression + " as char)";
            case SQLSERVER -> "cast(" + expression + " as nvarchar(max))";
            case H2, OTHER -> "cast(" + expression + " as varchar)";
        };
    }

    /** MySQL's JDBC driver exposes databases (what a user calls the schema) as catalogs. */
    boolean schemaIsCatalog() {
        return this == MYSQL;
    }
}
