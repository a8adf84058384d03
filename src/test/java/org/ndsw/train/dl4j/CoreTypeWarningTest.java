package org.ndsw.train.dl4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** The OPENBLAS_CORETYPE warning is printed once, even when several threads build DL4J engines at the same time. */
class CoreTypeWarningTest {
    @Test
    void racingThreadsPrintTheWarningOnce() throws Exception {
        AtomicBoolean warned = new AtomicBoolean();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream err = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        int threads = 8;
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Boolean>> printed = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                Callable<Boolean> c = () -> {
                    go.await();
                    return Dl4jEngine.warnWithoutCoreType(null, warned, err);
                };
                printed.add(pool.submit(c));
            }
            go.countDown();
            int count = 0;
            for (Future<Boolean> f : printed) {
                count += f.get() ? 1 : 0;
            }
            assertEquals(1, count);
        } finally {
            pool.shutdownNow();
        }
        String out = bytes.toString(StandardCharsets.UTF_8);
        assertEquals(1, out.lines().count(), out);
        assertTrue(out.startsWith("ndsw: warning: OPENBLAS_CORETYPE is not set"), out);
    }

    @Test
    void aSetCoreTypeNeedsNoWarning() {
        AtomicBoolean warned = new AtomicBoolean();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        assertFalse(Dl4jEngine.warnWithoutCoreType("Haswell", warned,
                new PrintStream(bytes, true, StandardCharsets.UTF_8)));
        assertFalse(warned.get());
        assertEquals(0, bytes.size());
    }
}
