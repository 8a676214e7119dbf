package dev.qmiconn.telemetry;

import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A bounded hand-over from the service's thread to a sink's thread: {@link #offer} never waits; when full, the
 * oldest snapshot goes (the newest state is the one worth publishing).
 */
public final class DropOldestQueue<T> {

    private final LinkedBlockingDeque<T> deque;
    private final AtomicLong dropped = new AtomicLong();

    public DropOldestQueue(int capacity) {
        this.deque = new LinkedBlockingDeque<>(capacity);
    }

    public void offer(T item) {
        while (!deque.offerLast(item)) {
            if (deque.pollFirst() != null) {
                dropped.incrementAndGet();
            }
        }
    }

    /** The oldest item, waiting up to {@code millis}; null when none came. */
    public T poll(long millis) throws InterruptedException {
        return deque.pollFirst(millis, TimeUnit.MILLISECONDS);
    }

    /** Puts back an item that could not be delivered, unless newer ones filled the queue meanwhile. */
    public void putBack(T item) {
        deque.offerFirst(item);
    }

    public boolean isEmpty() {
        return deque.isEmpty();
    }

    public long dropped() {
        return dropped.get();
    }
}
