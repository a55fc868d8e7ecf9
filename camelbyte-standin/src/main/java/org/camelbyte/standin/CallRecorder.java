package org.camelbyte.standin;

import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicInteger;

/** Keeps the newest calls only, so a long benchmark cannot fill the heap with recordings. */
final class CallRecorder {

    static final int CAPACITY = 10_000;

    private final Deque<RecordedCall> calls = new ConcurrentLinkedDeque<>();
    private final AtomicInteger size = new AtomicInteger();
    private final CallCounter counter = new CallCounter();

    void record(RecordedCall call) {
        counter.count(call.method(), call.path());
        calls.addLast(call);
        if (size.incrementAndGet() > CAPACITY && calls.pollFirst() != null) {
            size.decrementAndGet();
        }
    }

    List<RecordedCall> all() {
        return new ArrayList<>(calls);
    }

    Map<String, Long> counts() {
        return counter.snapshot();
    }

    void clear() {
        calls.clear();
        size.set(0);
    }
}
