package org.ndsw.app.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.ndsw.NdswException;

/** The reading thread of an import: items in order, failures delivered, nothing left running. */
class ReadAheadTest {

    @Test
    void itemsArriveInOrderThenTheEnd() {
        try (ReadAhead<Integer> r = new ReadAhead<>("t", 4, sink -> {
            for (int i = 0; i < 100; i++) {
                sink.put(i);
            }
        })) {
            for (int i = 0; i < 100; i++) {
                assertEquals(i, r.take());
            }
            assertNull(r.take());
            assertNull(r.take());
        }
    }

    @Test
    void aProducerFailureReachesTheConsumerAsItWas() {
        try (ReadAhead<Integer> r = new ReadAhead<>("t", 4, sink -> {
            sink.put(1);
            throw new NdswException("F.json: broken at byte 12");
        })) {
            assertEquals(1, r.take());
            NdswException e = assertThrows(NdswException.class, r::take);
            assertEquals("F.json: broken at byte 12", e.getMessage());
        }
    }

    @Test
    void closingStopsABlockedProducerAndWaitsForIt() {
        AtomicReference<Thread> thread = new AtomicReference<>();
        ReadAhead<Integer> r = new ReadAhead<>("t", 2, sink -> {
            thread.set(Thread.currentThread());
            for (int i = 0; ; i++) {
                sink.put(i);
            }
        });
        assertEquals(0, r.take());
        r.close();
        assertFalse(thread.get().isAlive());
    }
}
