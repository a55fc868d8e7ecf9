package org.camelbyte;

import java.util.ArrayList;
import java.util.List;
import org.camelbyte.embedded.EmbeddedBroker;
import org.camelbyte.embedded.EmbeddedPostgresServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** What the start opened (pools, the stand-in, the embedded services, ...), and in which order it closes. */
final class OpenedResources {
    private static final Logger LOG = LoggerFactory.getLogger(OpenedResources.class);
    private final List<AutoCloseable> opened = new ArrayList<>();

    /** The list each area's wiring adds what it opens to. */
    List<AutoCloseable> list() {
        return opened;
    }

    <T extends AutoCloseable> T add(T resource) {
        opened.add(resource);
        return resource;
    }

    /**
     * Closes what was opened, newest first, and the embedded broker and PostgreSQL last, whatever their place:
     * pools, the stand-in and the outcome senders may still talk to them while they close. Also called when
     * the start failed, so no embedded PostgreSQL outlives a refused start.
     */
    synchronized void closeAll() {
        List<AutoCloseable> order = new ArrayList<>();
        List<AutoCloseable> embedded = new ArrayList<>();
        for (int i = opened.size() - 1; i >= 0; i--) {
            AutoCloseable c = opened.get(i);
            (c instanceof EmbeddedBroker || c instanceof EmbeddedPostgresServer ? embedded : order).add(c);
        }
        order.addAll(embedded);
        for (AutoCloseable c : order) {
            try {
                c.close();
            } catch (Exception e) {
                LOG.warn("Closing {} at stop failed: {}", c.getClass().getSimpleName(), e.getMessage());
            }
        }
        opened.clear();
    }
}
