package org.ndsw.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `ndsw sweep plan`, `sweep collect` and `sweep worker --job` options in-process (training: ClusterSweepTest). */
class SweepClusterCommandsTest {
    @TempDir Path dir;

    @Test
    void planWritesJobsAndAScriptWithTheFlagsAndCollectReportsNothingYet() throws Exception {
        String db = dir.resolve("c.db").toString();
        Path space = dir.resolve("tiny.json");
        try (InputStream in = getClass().getResourceAsStream("/org/ndsw/app/sweep/tiny-resnet.json")) {
            Files.copy(in, space);
        }
        CliRun c = CliRun.of("sweep", "create", "demo", "--space", space.toString(), "-n", "3", "--seed", "5",
                "--epochs", "2", "--data", dir.toString(), "--catalog", db);
        assertEquals(0, c.exit(), c.err());
        Path plan = dir.resolve("plan");
        CliRun p = CliRun.of("sweep", "plan", "demo", "--out", plan.toString(), "--limit", "2", "--cpus", "3",
                "--gpus", "1", "--time", "01:00:00", "--partition", "gpu", "--catalog", db);
        assertEquals(0, p.exit(), p.err());
        assertTrue(p.out().startsWith("planned 3 runs of sweep demo in " + plan), p.out());
        String script = Files.readString(plan.resolve("array.sbatch"));
        for (String line : new String[] {"#SBATCH --array=0-2%2", "#SBATCH --requeue", "#SBATCH --cpus-per-task=3",
            "#SBATCH --gres=gpu:1", "#SBATCH --time=01:00:00", "#SBATCH --partition=gpu",
            "#SBATCH --signal=B:TERM@120", "sweep worker --job \"$job\""}) {
            assertTrue(script.contains(line), line + " in\n" + script);
        }
        assertTrue(Files.isRegularFile(plan.resolve("jobs/run-00002.json")));
        CliRun collect = CliRun.of("sweep", "collect", "demo", plan.toString(), "--catalog", db);
        assertEquals(0, collect.exit(), collect.err());
        assertEquals("collected sweep demo: 0 done, 0 failed, 0 running updated; 3 runs not finished\n",
                collect.out());
        CliRun bad = CliRun.of("sweep", "collect", "demo", plan.toString(), "--lost-after", "soon", "--catalog", db);
        assertNotEquals(0, bad.exit());
        assertTrue(bad.err().contains("--lost-after must be a number with s, m or h, e.g. 30m, got \"soon\""),
                bad.err());
        CliRun huge = CliRun.of("sweep", "collect", "demo", plan.toString(), "--lost-after", "99999999999999999999h",
                "--catalog", db);
        assertEquals(1, huge.exit(), huge.err());
        assertTrue(huge.err().contains("--lost-after is too long, got \"99999999999999999999h\""), huge.err());
        CliRun worker = CliRun.of("sweep", "worker", "--job", plan.resolve("jobs/run-00000.json").toString());
        assertNotEquals(0, worker.exit());
        assertTrue(worker.err().contains("--job needs --result"), worker.err());
    }
}
