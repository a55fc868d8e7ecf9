package org.camelbyte.run;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.ReentrantLock;
import javax.sql.DataSource;

/**
 * Writes from many threads committed together: each caller queues its work and waits for the commit that
 * holds it, so a thousand runs changing at once cost a few commits instead of a thousand, and every
 * caller still returns only once its write is durable. No thread of its own: the caller that takes the
 * lock commits what is queued, those behind it wait for the lock and find their work already done.
 */
final class GroupCommit {
    /** One write: statements on the shared connection, in the shared transaction; no commit of its own. */
    interface Work<T> {
        T apply(Connection connection) throws SQLException;
    }

    private final DataSource dataSource;
    private final ConcurrentLinkedQueue<Pending<?>> queue = new ConcurrentLinkedQueue<>();
    private final ReentrantLock lock = new ReentrantLock();

    GroupCommit(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    <T> T write(Work<T> work) throws SQLException {
        Pending<T> pending = new Pending<>(work);
        queue.add(pending);
        lock.lock();
        try {
            if (!pending.done) {
                commitQueued();
            }
        } finally {
            lock.unlock();
        }
        if (pending.failure != null) {
            throw pending.failure;
        }
        return pending.result;
    }

    private void commitQueued() {
        List<Pending<?>> batch = new ArrayList<>();
        for (Pending<?> p; (p = queue.poll()) != null; ) {
            batch.add(p);
        }
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                for (Pending<?> p : batch) {
                    p.run(c);
                }
                c.commit();
                batch.forEach(p -> p.done = true);
                return;
            } catch (SQLException e) {
                c.rollback();
            } finally {
                c.setAutoCommit(true);
            }
            // one write failed and took the transaction with it: each alone, so only that one fails
            for (Pending<?> p : batch) {
                try {
                    p.run(c);
                } catch (SQLException e) {
                    p.failure = e;
                }
                p.done = true;
            }
        } catch (SQLException e) {
            batch.forEach(p -> {
                p.failure = e;
                p.done = true;
            });
        }
    }

    private static final class Pending<T> {
        final Work<T> work;
        volatile boolean done;
        T result;
        SQLException failure;

        Pending(Work<T> work) {
            this.work = work;
        }

        void run(Connection c) throws SQLException {
            result = work.apply(c);
        }
    }
}
