package org.ndsw.app.sweep;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.ndsw.NdswException;
import org.ndsw.app.ProgressSink;
import org.ndsw.catalog.Catalog;
import org.ndsw.catalog.RunQueue;
import org.ndsw.catalog.RunStatus;
import org.ndsw.catalog.SweepRun;

/**
 * `ndsw sweep collect NAME DIR`: the one writer of a cluster sweep. Reads the plan folder's result and progress files
 * and records them in the catalogue, matching each file to its run by seq and checking the run's key (model hash and
 * seed). Idempotent: a file already recorded changes nothing. A running run with no result whose task ended (its
 * progress file not rewritten for `lostAfter`, or SLURM's accounting says the task ended) is reported as lost and put
 * back in the queue, so `sweep plan --pending` plans it again.
 */
public final class ClusterCollect {
    private ClusterCollect() {}

    /**
     * What a collect did.
     *
     * @param done runs recorded as done now
     * @param failed runs recorded as failed now
     * @param progressed running runs whose curves were updated
     * @param lost seqs of runs reported lost (and queued again)
     * @param remaining runs of the sweep neither done nor failed after this collect
     */
    public record Report(int done, int failed, int progressed, List<Integer> lost, int remaining) {}

    /**
     * Collects the plan folder `dir` into the sweep.
     *
     * @param ended seqs whose task SLURM reports as ended (sacct); tested besides the progress file's age
     */
    public static Report collect(Path catalog, String sweep, Path dir, Duration lostAfter, Predicate<Integer> ended) {
        return collect(catalog, sweep, dir, lostAfter, ended, ProgressSink.NONE);
    }

    /** {@link #collect(Path, String, Path, Duration, Predicate)}, reporting each file read to `progress`. */
    public static Report collect(Path catalog, String sweep, Path dir, Duration lostAfter, Predicate<Integer> ended,
            ProgressSink progress) {
        Path results = dir.resolve("results");
        if (!Files.isDirectory(results)) {
            throw new NdswException(dir + ": no results folder; is this a folder written by `ndsw sweep plan`?");
        }
        int done = 0;
        int failed = 0;
        int progressed = 0;
        List<Integer> lost = new ArrayList<>();
        try (Catalog c = Catalog.open(catalog)) {
            SweepService.definition(c, sweep);
            RunQueue q = c.runQueue();
            Map<Integer, SweepRun> bySeq = new HashMap<>();
            for (SweepRun r : q.runs(sweep)) {
                bySeq.put(r.seq(), r);
            }
            Set<Integer> withResult = new java.util.HashSet<>();
            List<Path> resultFiles = files(results, ".json", ".progress.json");
            List<Path> progressFiles = files(results, ".progress.json", null);
            int total = Math.max(1, resultFiles.size() + progressFiles.size());
            int read = 0;
            for (Path f : resultFiles) {
                progress.update("Reading results of " + sweep, (double) read++ / total);
                ClusterFiles.Result r = ClusterFiles.readResult(f);
                SweepRun run = match(bySeq, r.seq(), r.model(), r.seed(), f, sweep);
                withResult.add(r.seq());
                if (q.collectOutcome(run.id(), r.entry(), r.failure(), r.logTail())) {
                    if (r.entry().status() == RunStatus.DONE) {
                        done++;
                    } else {
                        failed++;
                    }
                }
            }
            long now = System.currentTimeMillis();
            for (Path f : progressFiles) {
                progress.update("Reading progress of " + sweep, (double) read++ / total);
                ClusterFiles.Progress p = ClusterFiles.readProgress(f);
                SweepRun run = match(bySeq, p.seq(), p.model(), p.seed(), f, sweep);
                if (withResult.contains(p.seq())) {
                    continue;
                }
                double[] test = p.curves().testEpTop1();
                Double best = test == null ? null : java.util.Arrays.stream(test).min().orElse(Double.NaN);
                Double last = test == null ? null : test[test.length - 1];
                if (q.collectEpochs(run.id(), p.epochsDone(), best, last, p.curves())) {
                    progressed++;
                }
                boolean stale = now - p.updated() > lostAfter.toMillis();
                if ((stale || ended.test(p.seq())) && q.requeueLost(run.id())) {
                    lost.add(p.seq());
                }
            }
            int remaining = (int) q.runs(sweep).stream()
                    .filter(r -> r.status() != RunStatus.DONE && r.status() != RunStatus.FAILED).count();
            return new Report(done, failed, progressed, lost, remaining);
        }
    }

    private static SweepRun match(Map<Integer, SweepRun> bySeq, int seq, String model, long seed, Path f,
            String sweep) {
        SweepRun run = bySeq.get(seq);
        if (run == null || !run.model().equals(model) || run.seed() == null || run.seed() != seed) {
            throw new NdswException(f + ": run seq " + seq + " (model " + model + ", seed " + seed
                    + ") is not a run of sweep \"" + sweep + "\"; was this folder planned for another sweep?");
        }
        return run;
    }

    /** The files of `dir` ending in `suffix` but not in `not`, by name. */
    private static List<Path> files(Path dir, String suffix, String not) {
        try (var s = Files.list(dir)) {
            return s.filter(p -> {
                String n = p.getFileName().toString();
                return n.startsWith("run-") && n.endsWith(suffix) && (not == null || !n.endsWith(not));
            }).sorted().toList();
        } catch (IOException e) {
            throw new NdswException(dir + ": cannot list: " + e.getMessage(), e);
        }
    }
}
