package org.camelbyte.poststep;

import java.util.Map;
import java.util.OptionalLong;

/** What checks need to know about the sync and earlier runs, supplied by the caller. */
public interface CheckContext {

    /** Rows the sync job reported as synced. */
    long rowsSynced();

    /** The row count this table had after the previous successful run, if there was one. */
    OptionalLong previousRowCount(TableName table);

    /**
     * @param previousRowCounts counts keyed by {@link TableName#qualified()}, as in {@link PostSyncResult#rowCounts()}
     */
    static CheckContext of(long rowsSynced, Map<String, Long> previousRowCounts) {
        Map<String, Long> counts = Map.copyOf(previousRowCounts);
        return new CheckContext() {
            @Override
            public long rowsSynced() {
                return rowsSynced;
            }

            @Override
            public OptionalLong previousRowCount(TableName table) {
                Long count = counts.get(table.qualified());
                return count == null ? OptionalLong.empty() : OptionalLong.of(count);
            }
        };
    }
}
