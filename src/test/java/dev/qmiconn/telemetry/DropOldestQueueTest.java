package dev.qmiconn.telemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class DropOldestQueueTest {

    @Test
    void should_keep_the_newest_items_and_count_the_dropped() throws InterruptedException {
        DropOldestQueue<Integer> q = new DropOldestQueue<>(3);
        for (int i = 1; i <= 10; i++) {
            q.offer(i);
        }
        assertEquals(7, q.dropped());
        assertEquals(8, q.poll(0));
        assertEquals(9, q.poll(0));
        assertEquals(10, q.poll(0));
        assertNull(q.poll(10));
    }

    @Test
    void should_put_an_undelivered_item_back_first() throws InterruptedException {
        DropOldestQueue<String> q = new DropOldestQueue<>(2);
        q.offer("b");
        q.putBack("a");
        assertEquals("a", q.poll(0));
        assertEquals("b", q.poll(0));
    }
}
