package org.camelbyte.airbyte;

import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

/**
 * The newest job id overall, read once for every start that asks at the same moment, like a group commit: a
 * caller joins the read in flight, or starts one when none is. Joining is safe because a caller POSTs only
 * after the read it joined has answered, and every id that read returns belongs to a job created before
 * then, so below the id of the job the caller's POST creates. A finished read is never handed out again: its
 * value would still be safe, but older, and every job numbered since would widen the range a lost answer's
 * adoption looks in.
 *
 * <p>Callers block on the shared read, as they blocked on their own: they are the start's threads, which wait
 * for Airbyte anyway. The read is bounded by the client's request timeout, so joiners wait at most that long;
 * a failed read fails every caller that joined it, each then retrying as it would have after its own failure.
 */
final class SharedBaseline {
    private final Supplier<OptionalLong> read;
    /** The read in flight, null when none is; guarded by {@code this}. */
    private CompletableFuture<OptionalLong> inFlight;

    /** {@code read}: one call for the newest job id overall, empty when the server cannot tell. */
    SharedBaseline(Supplier<OptionalLong> read) {
        this.read = read;
    }

    /** The newest job id overall from a read that answered after this call began (or was in flight then). */
    OptionalLong newestJobId() {
        CompletableFuture<OptionalLong> shared;
        boolean reads;
        synchronized (this) {
            reads = inFlight == null;
            if (reads) {
                inFlight = new CompletableFuture<>();
            }
            shared = inFlight;
        }
        return reads ? readFor(shared) : await(shared);
    }

    private OptionalLong readFor(CompletableFuture<OptionalLong> shared) {
        OptionalLong newest;
        try {
            newest = read.get();
        } catch (RuntimeException | Error failure) {
            done();
            shared.completeExceptionally(failure);
            throw failure;
        }
        // cleared before completing: a caller arriving from now on starts a fresh read rather than take this one
        done();
        shared.complete(newest);
        return newest;
    }

    private synchronized void done() {
        inFlight = null;
    }

    /** The joined read's answer, or its failure as thrown (an Airbyte failure keeps its type for the retry). */
    private static OptionalLong await(CompletableFuture<OptionalLong> shared) {
        try {
            return shared.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }
}
