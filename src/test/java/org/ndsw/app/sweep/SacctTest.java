package org.ndsw.app.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Set;
import org.junit.jupiter.api.Test;

/** Which array tasks sacct's output reports as ended (the rest may still write their results). */
class SacctTest {
    @Test
    void endedTasksAreThoseNeitherPendingNorRunning() {
        String out = "12_0|COMPLETED\n12_1|FAILED\n12_2|RUNNING\n12_3|CANCELLED by 0\n12_4|REQUEUED\n12_5|PENDING\n"
                + "12_6|TIMEOUT\n12_7|OUT_OF_MEMORY\n12_8|NODE_FAIL\n12_[9-11%2]|PENDING\n\n";
        assertEquals(Set.of(0, 1, 3, 6, 7, 8), Sacct.parse(out));
        assertEquals(Set.of(), Sacct.parse("sacct: error: Slurm accounting storage is disabled\n"));
    }
}
