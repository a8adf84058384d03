package org.ndsw.app.sweep;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.ndsw.catalog.Catalog;
import org.ndsw.catalog.RunStatus;
import org.ndsw.catalog.StoredRun;

/** Helpers of the cluster sweep tests: a sweep's stored runs, and the comparison with a local run of it. */
final class ClusterSweeps {
    private ClusterSweeps() {}

    static List<StoredRun> stored(Path catalog, String sweep) {
        List<StoredRun> out = new ArrayList<>();
        try (Catalog c = Catalog.open(catalog)) {
            c.forEachStoredRun(sweep, out::add);
        }
        out.sort(java.util.Comparator.comparingInt(StoredRun::seq));
        return out;
    }

    /** Every run done with `epochs` whole curves, and equal to the local run's record apart from timings. */
    static void assertSameAsLocal(List<StoredRun> local, List<StoredRun> cluster, int epochs) {
        assertEquals(local.size(), cluster.size());
        for (int i = 0; i < local.size(); i++) {
            StoredRun l = local.get(i);
            StoredRun c = cluster.get(i);
            String what = "run seq " + c.seq();
            assertEquals(RunStatus.DONE, c.status(), what);
            assertEquals(epochs, c.epochs(), what);
            assertEquals(epochs, c.data().curves().testEpTop1().length, what);
            assertEquals(l.seq(), c.seq(), what);
            assertEquals(l.seed(), c.seed(), what);
            assertEquals(l.net(), c.net(), what);
            assertEquals(l.flops(), c.flops(), what);
            assertEquals(l.params(), c.params(), what);
            assertEquals(l.error(), c.error(), what);
            assertEquals(l.finalError(), c.finalError(), what);
            assertEquals(l.data().optim(), c.data().optim(), what);
            assertArrayEquals(l.data().curves().testEpTop1(), c.data().curves().testEpTop1(), what);
            assertArrayEquals(l.data().curves().trainEpTop1(), c.data().curves().trainEpTop1(), what);
            assertArrayEquals(l.data().curves().trainEpLoss(), c.data().curves().trainEpLoss(), what);
            assertArrayEquals(l.data().curves().testEpLoss(), c.data().curves().testEpLoss(), what);
        }
    }
}
