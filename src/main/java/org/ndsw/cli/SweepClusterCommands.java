package org.ndsw.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import org.ndsw.NdswException;
import org.ndsw.app.sweep.ClusterCollect;
import org.ndsw.app.sweep.ClusterPlan;
import org.ndsw.app.sweep.Sacct;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** `ndsw sweep plan` and `ndsw sweep collect`: sweeps trained by a SLURM job array (docs/cluster.md). */
final class SweepClusterCommands {
    private SweepClusterCommands() {}

    /** `ndsw sweep plan NAME --out DIR`. */
    @Command(name = "plan", mixinStandardHelpOptions = true, description = {"Write one job file per run and a SLURM"
        + " job-array script (DIR/array.sbatch) that trains them; submit it with `sbatch`.",
        "Template placeholders: @NAME@ @COUNT@ @ARRAY@ @DIR@ @SCRIPT@ @SBATCH_OPTIONS@ @WORKER@ (docs/cluster.md)."})
    static final class Plan implements Runnable {
        @Spec CommandSpec spec;
        @Mixin CatalogOption catalog;
        @Parameters(paramLabel = "NAME", description = "The sweep.") String name;
        @Option(names = "--out", required = true, paramLabel = "DIR", description = "The plan folder (shared by the"
            + " nodes).") Path out;
        @Option(names = "--pending", description = "Only runs neither done nor failed (after `sweep collect`).")
        boolean pending;
        @Option(names = "--limit", defaultValue = "64", description = "At most this many tasks at once; 0: no limit"
            + " (default: ${DEFAULT-VALUE}).") int limit;
        @Option(names = "--cpus", defaultValue = "4", description = "CPUs per task, the worker's threads (default:"
            + " ${DEFAULT-VALUE}).") int cpus;
        @Option(names = "--gpus", defaultValue = "0", description = "GPUs per task (--gres=gpu:N; default: none).")
        int gpus;
        @Option(names = "--time", paramLabel = "LIMIT", description = "Time limit per task, e.g. 08:00:00.") String time;
        @Option(names = "--partition", description = "The SLURM partition.") String partition;
        @Option(names = "--heap", defaultValue = "4g", description = "The worker's Java heap (default: ${DEFAULT-VALUE}).")
        String heap;
        @Option(names = "--signal-seconds", defaultValue = "120", description = "SIGTERM this long before the time"
            + " limit, so the worker can finish its epoch (default: ${DEFAULT-VALUE}).") int signalSeconds;
        @Option(names = "--template", paramLabel = "FILE", description = "Your own script template.") Path template;

        @Override
        public void run() {
            if (limit < 0 || cpus < 1 || gpus < 0 || signalSeconds < 0) {
                throw new NdswException("--limit, --gpus and --signal-seconds must be >= 0 and --cpus >= 1, got "
                        + limit + ", " + gpus + ", " + signalSeconds + ", " + cpus);
            }
            ClusterPlan.Plan p = ClusterPlan.write(catalog.path(), name, out, pending,
                    new ClusterPlan.Options(limit, cpus, gpus, time, partition, heap, signalSeconds, template));
            PrintWriter o = spec.commandLine().getOut();
            o.println("planned " + p.jobs() + " runs of sweep " + name + " in " + out.toAbsolutePath().normalize());
            o.println("submit: sbatch " + p.script());
            o.println("collect: ndsw sweep collect " + name + " " + out.toAbsolutePath().normalize());
            o.flush();
        }
    }

    /** `ndsw sweep collect NAME DIR`. */
    @Command(name = "collect", mixinStandardHelpOptions = true, description = {"Record the result and progress files"
        + " of a planned folder in the catalogue (the one writer; collecting twice records nothing twice).",
        "Runs with no result whose task ended are reported lost and queued again: plan them with `sweep plan"
            + " --pending`."})
    static final class Collect implements Runnable {
        @Spec CommandSpec spec;
        @Mixin CatalogOption catalog;
        @Parameters(index = "0", paramLabel = "NAME", description = "The sweep.") String name;
        @Parameters(index = "1", paramLabel = "DIR", description = "The plan folder.") Path dir;
        @Option(names = "--lost-after", defaultValue = "1h", paramLabel = "DURATION", description = "A run whose"
            + " progress file is older than this is lost, e.g. 90s, 30m, 1h (default: ${DEFAULT-VALUE}).")
        String lostAfter;
        @Option(names = "--job-id", paramLabel = "ID", description = "The array's SLURM job id: tasks sacct reports"
            + " as ended count as lost too.") String jobId;

        @Override
        public void run() {
            Set<Integer> ended = jobId == null ? Set.of() : Sacct.endedSeqs(jobId, dir);
            ClusterCollect.Report r = ClusterCollect.collect(catalog.path(), name, dir, duration(lostAfter),
                    ended::contains);
            PrintWriter o = spec.commandLine().getOut();
            o.println("collected sweep " + name + ": " + r.done() + " done, " + r.failed() + " failed, "
                    + r.progressed() + " running updated; " + r.remaining() + " runs not finished");
            if (!r.lost().isEmpty()) {
                o.println("lost (no result, task ended; queued again, plan them with `ndsw sweep plan " + name
                        + " --pending`): seq " + r.lost());
            }
            o.flush();
        }

        static Duration duration(String s) {
            var m = java.util.regex.Pattern.compile("(\\d+)(s|m|h)").matcher(s.trim());
            if (!m.matches()) {
                throw new NdswException("--lost-after must be a number with s, m or h, e.g. 30m, got "
                        + org.ndsw.Quote.of(s));
            }
            try {
                long n = Long.parseLong(m.group(1));
                return switch (m.group(2)) {
                    case "s" -> Duration.ofSeconds(n);
                    case "m" -> Duration.ofMinutes(n);
                    default -> Duration.ofHours(n);
                };
            } catch (NumberFormatException | ArithmeticException e) {
                throw new NdswException("--lost-after is too long, got " + org.ndsw.Quote.of(s));
            }
        }
    }
}
