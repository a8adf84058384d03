package org.ndsw.catalog;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ndsw.NdswException;
import org.ndsw.space.SpecJson;

/** The run queue of trained sweeps: claims, fencing by token, stale claims, outcomes and retries. */
class RunQueueTest {
    @TempDir Path dir;

    static final Owner A = new Owner("token-a", "host-a", 101);
    static final Owner B = new Owner("token-b", "host-a", 202);

    /** A sweep "s" of one model with `runs` queued seeds 1..runs. */
    static Catalog queued(Path file, int runs) {
        Catalog c = Catalog.openOrCreate(file);
        c.write(w -> {
            long id = w.createSweep(new NewSweep("s", "ResNet", "cifar10", "sampled", "{}", null, null, null, null,
                    null, null));
            ModelEntry m = ModelEntry.of(SpecJson.parseNet(CatalogTest.R56));
            long model = w.model(m);
            for (int i = 0; i < runs; i++) {
                w.addQueuedRun(id, model, new RunEntry(i, (long) i + 1, RunStatus.QUEUED, null, null, null,
                        m.complexity().flops(), m.complexity().params(), 0.1, 5e-4, 3, "djl", null, null, null, null,
                        null, RunData.EMPTY), m.hash() + "/" + (i + 1), "/ckpt/run-" + i);
            }
            return null;
        });
        return c;
    }

    private static RunEntry done(int epochs) {
        RunData.Curves curves = new RunData.Curves(new double[] {50, 30, 20}, new double[] {60, 40, 25},
                new double[] {2, 1, 0.5}, new double[] {2.1, 1.2, 0.6}, null, null);
        return new RunEntry(0, 1L, RunStatus.DONE, 20.0, 20.0, epochs, 1L, 2L, 0.1, 5e-4, 3, "djl", "host-a",
                "2026-01-01T00:00:00Z", "2026-01-01T00:01:00Z", 60.0, "{}", new RunData("{\"base_lr\":0.1}", curves,
                "{\"train_img_per_s\":100}"));
    }

    @Test
    void claimsTakeQueuedRunsInSeqOrderOnce() {
        try (Catalog c = queued(dir.resolve("c.db"), 3)) {
            RunQueue q = c.runQueue();
            List<Integer> seqs = new ArrayList<>();
            for (Optional<RunClaim> r = q.claimNext("s", A); r.isPresent(); r = q.claimNext("s", A)) {
                seqs.add(r.get().seq());
            }
            assertEquals(List.of(0, 1, 2), seqs);
            assertTrue(q.runs("s").stream().allMatch(r -> r.status() == RunStatus.RUNNING && r.attempts() == 1));
        }
    }

    @Test
    void theSameModelAndSeedCannotBeQueuedTwice() {
        try (Catalog c = queued(dir.resolve("c.db"), 1)) {
            ModelEntry m = ModelEntry.of(SpecJson.parseNet(CatalogTest.R56));
            NdswException e = assertThrows(NdswException.class, () -> c.write(w -> w.addQueuedRun(1, w.model(m),
                    new RunEntry(5, 1L, RunStatus.QUEUED, null, null, null, null, null, null, null, null, null, null,
                            null, null, null, null, null), m.hash() + "/1", "/x")));
            assertTrue(e.getMessage().contains("UNIQUE"), e.getMessage());
        }
    }

    @Test
    void aWriteWithALostClaimChangesNothing() {
        try (Catalog c = queued(dir.resolve("c.db"), 1)) {
            RunQueue q = c.runQueue();
            RunClaim a = q.claimNext("s", A).orElseThrow();
            // A's process dies: a later scheduler releases the run and B claims it.
            assertEquals(List.of(0), q.releaseStale("s", "host-a", pid -> false, 60_000, 5));
            RunClaim b = q.claimNext("s", B).orElseThrow();
            assertFalse(q.heartbeat(a.runId(), a.token()));
            assertFalse(q.recordEpochs(a.runId(), a.token(), 1, 50.0, 50.0, RunData.Curves.NONE));
            assertFalse(q.finish(a.runId(), a.token(), done(3), null, null));
            assertTrue(q.recordEpochs(b.runId(), b.token(), 1, 50.0, 50.0, new RunData.Curves(new double[] {50},
                    null, null, null, null, null)));
            assertTrue(q.finish(b.runId(), b.token(), done(3), null, null));
            assertFalse(q.finish(b.runId(), b.token(), done(3), null, null));
            SweepRun r = q.runs("s").get(0);
            assertEquals(RunStatus.DONE, r.status());
            assertEquals(3, r.epochs());
            assertEquals(2, r.attempts());
            assertEquals(null, r.ownerPid());
            List<StoredRun> stored = new ArrayList<>();
            c.forEachStoredRun("s", stored::add);
            assertArrayEquals(new double[] {50, 30, 20}, stored.get(0).data().curves().testEpTop1());
            assertEquals(1, c.errors("s", ErrorKind.BEST).size());
        }
    }

    @Test
    void liveClaimsStayAndDeadOnesAreReleasedOrFailedAfterTooManyAttempts() {
        try (Catalog c = queued(dir.resolve("c.db"), 3)) {
            RunQueue q = c.runQueue();
            q.claimNext("s", A);
            q.claimNext("s", new Owner("token-c", "host-b", 101));
            assertEquals(List.of(), q.releaseStale("s", "host-a", pid -> true, 60_000, 5));
            assertEquals(List.of(0), q.releaseStale("s", "host-a", pid -> false, 60_000, 5));
            assertEquals(List.of(1), q.releaseStale("s", "host-a", pid -> false, -1, 5));
            RunClaim again = q.claimNext("s", A).orElseThrow();
            assertEquals(0, again.seq());
            assertEquals(List.of(0), q.releaseStale("s", "host-a", pid -> false, 60_000, 2));
            SweepRun r = q.runs("s").get(0);
            assertEquals(RunStatus.FAILED, r.status());
            assertTrue(r.failure().startsWith("interrupted 2 times"), r.failure());
        }
    }

    @Test
    void failedRunsAreRetriedAndStopRequestsAreStored() {
        try (Catalog c = queued(dir.resolve("c.db"), 2)) {
            RunQueue q = c.runQueue();
            RunClaim a = q.claimNext("s", A).orElseThrow();
            assertTrue(q.attach(a.runId(), a.token(), 4242));
            assertTrue(q.fail(a.runId(), a.token(), "worker died (exit code 137)", "last lines"));
            RunClaim b = q.claimNext("s", A).orElseThrow();
            assertTrue(q.release(b.runId(), b.token(), false));
            assertEquals(0, q.runs("s").get(1).attempts(), "a clean stop is no attempt");
            RunClaim c2 = q.claimNext("s", A).orElseThrow();
            assertTrue(q.release(c2.runId(), c2.token(), true));
            assertEquals(1, q.runs("s").get(1).attempts(), "a crash is");
            assertEquals(RunStatus.FAILED, q.runs("s").get(0).status());
            assertEquals("worker died (exit code 137)", q.runs("s").get(0).failure());
            assertEquals(RunStatus.QUEUED, q.runs("s").get(1).status());
            assertEquals(1, q.retryFailed("s"));
            assertEquals(RunStatus.QUEUED, q.runs("s").get(0).status());
            assertFalse(q.stopRequested("s"));
            q.requestStop("s", true);
            assertTrue(q.stopRequested("s"));
            RunTicket t = q.ticket(b.runId());
            assertEquals("/ckpt/run-1", t.checkpointDir());
            assertEquals(2L, t.seed());
            assertEquals(SpecJson.canonical(SpecJson.parseNet(CatalogTest.R56)), t.net());
        }
    }
}
