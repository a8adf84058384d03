package org.ndsw.app.sweep;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/** SLURM's accounting (`sacct`): which tasks of a job array have ended, when sacct is there and answers. */
public final class Sacct {
    /** States of a task that may still write its result. */
    private static final Set<String> LIVE = Set.of("PENDING", "RUNNING", "REQUEUED", "RESIZING", "SUSPENDED",
            "CONFIGURING", "COMPLETING", "REQUEUE_HOLD", "REQUEUE_FED", "STAGE_OUT", "SIGNALING");

    private Sacct() {}

    /**
     * The seqs of the runs whose array task ended (any state but pending or running), mapping array indices through
     * the plan's job files; empty when sacct is missing or fails.
     */
    public static Set<Integer> endedSeqs(String jobId, Path planDir) {
        Set<Integer> seqs = new HashSet<>();
        for (int task : endedTasks(jobId)) {
            Path f = ClusterFiles.jobFile(planDir, task);
            if (f.toFile().isFile()) {
                seqs.add(ClusterFiles.readJob(f).seq());
            }
        }
        return seqs;
    }

    /** The indices of the array's ended tasks. */
    static Set<Integer> endedTasks(String jobId) {
        try {
            Process p = new ProcessBuilder("sacct", "-j", jobId, "-n", "-P", "-X", "-o", "JobID,State")
                    .redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
                return Set.of();
            }
            return parse(out);
        } catch (IOException e) {
            return Set.of(); // no sacct here: the progress files' age decides
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Set.of();
        }
    }

    /** The ended task indices in `sacct -n -P -X -o JobID,State` output ("12_3|COMPLETED", "12_4|CANCELLED by 0"). */
    static Set<Integer> parse(String out) {
        Set<Integer> ended = new HashSet<>();
        for (String line : out.split("\n")) {
            String[] f = line.trim().split("\\|");
            int us = f[0].indexOf('_');
            if (f.length < 2 || us < 0 || !f[0].substring(us + 1).matches("\\d+")) {
                continue; // the array's summary line ("12_[5-9%2]"), blank lines
            }
            if (!LIVE.contains(f[1].split(" ")[0])) {
                ended.add(Integer.parseInt(f[0].substring(us + 1)));
            }
        }
        return ended;
    }
}
