package org.camelbyte.poststep;

import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/** A PostgreSQL data source pointing at a port nobody listens on. */
final class Unreachable {

    private Unreachable() {}

    static DataSource dataSource() {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setServerNames(new String[] {"127.0.0.1"});
        dataSource.setPortNumbers(new int[] {1});
        dataSource.setConnectTimeout(2);
        return dataSource;
    }
}
