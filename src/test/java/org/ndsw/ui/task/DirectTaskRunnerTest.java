package org.ndsw.ui.task;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The test runner fails loudly on a failure nobody handles, so a view model cannot forget onFailure unnoticed. */
class DirectTaskRunnerTest {
    private final DirectTaskRunner tasks = new DirectTaskRunner();

    private static <T> T boom() {
        throw new IllegalStateException("disk gone");
    }

    @Test
    void anUnhandledFailureFailsTheCheck() {
        tasks.run("Reading sweeps", p -> boom()).onSuccess(v -> { });
        AssertionError e = assertThrows(AssertionError.class, tasks::assertFailuresHandled);
        assertTrue(e.getMessage().contains("\"Reading sweeps\" failed and nothing handled it"), e.getMessage());
        assertEquals("disk gone", e.getCause().getMessage());
    }

    @Test
    void anUnhandledFailureFailsTheNextRun() {
        tasks.run("Reading curves", p -> boom());
        AssertionError e = assertThrows(AssertionError.class, () -> tasks.run("Next", p -> 1));
        assertTrue(e.getMessage().contains("\"Reading curves\""), e.getMessage());
    }

    @Test
    void aHandledFailureReachesItsHandlerAndPasses() {
        List<Throwable> seen = new ArrayList<>();
        tasks.run("Stopping", p -> boom()).onFailure(seen::add);
        tasks.assertFailuresHandled();
        assertEquals(1, seen.size());
        assertEquals("disk gone", seen.get(0).getMessage());
    }

    @Test
    void successesNeedNoHandler() {
        Object[] got = {null};
        tasks.run("Sum", p -> 42).onSuccess(v -> got[0] = v);
        tasks.assertFailuresHandled();
        assertSame(42, got[0]);
    }
}
