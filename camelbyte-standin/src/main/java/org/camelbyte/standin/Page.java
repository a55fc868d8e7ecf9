package org.camelbyte.standin;

import java.util.List;

/** One page of a list: {@code limit} items from {@code offset}, and whether more follow. */
record Page<T>(List<T> items, int offset, int limit, boolean hasMore) {

    static <T> Page<T> of(List<T> all, int offset, int limit) {
        int from = Math.min(offset, all.size());
        int to = Math.min(all.size(), from + limit);
        return new Page<>(all.subList(from, to), offset, limit, to < all.size());
    }
}
