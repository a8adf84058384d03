package org.ndsw.app.sweep;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ndsw.AtomicWrite;
import org.ndsw.NdswException;
import org.ndsw.catalog.Catalog;
import org.ndsw.catalog.RunQueue;
import org.ndsw.catalog.RunStatus;
import org.ndsw.catalog.RunTicket;
import org.ndsw.catalog.SweepRun;

/**
 * `ndsw sweep plan`: writes one job file per run to train and a SLURM job-array script that runs them
 * (decision 0006, docs/cluster.md).
 *
 * <p>The script comes from a template with placeholders `@NAME@`, `@COUNT@`, `@ARRAY@` (e.g. `0-5%4`), `@DIR@` (the
 * plan folder, absolute), `@SCRIPT@`, `@SBATCH_OPTIONS@` (the `#SBATCH` lines of the flags) and `@WORKER@` (the worker's
 * command up to its `--job` option, absolute paths). The default template is {@link #defaultTemplate()}.
 */
public final class ClusterPlan {
    /** The script's file name in the plan folder. */
    public static final String SCRIPT = "array.sbatch";
    private static final Pattern PLACEHOLDER = Pattern.compile("@[A-Z_]+@");

    private ClusterPlan() {}

    /**
     * The resources each array task asks for.
     *
     * @param limit at most this many tasks at once (0: no limit)
     * @param cpus CPUs per task, also the worker's engine threads
     * @param gpus GPUs per task (0: none)
     * @param time time limit per task, SLURM syntax (null: the partition's)
     * @param partition the partition (null: the default)
     * @param heap the worker's -Xmx
     * @param signalSeconds SIGTERM is sent this many seconds before the time limit
     */
    public record Options(int limit, int cpus, int gpus, String time, String partition, String heap,
            int signalSeconds, Path template) {}

    /** What was written: the number of jobs and the script. */
    public record Plan(int jobs, Path script) {}

    /** Writes the plan of the sweep's runs (only those not done or failed if `pending`) into `out`. */
    public static Plan write(Path catalog, String sweep, Path out, boolean pending, Options o) {
        Path dir = out.toAbsolutePath().normalize();
        String template = o.template() == null ? defaultTemplate() : readTemplate(o.template());
        List<ClusterFiles.Job> jobs = new ArrayList<>();
        try (Catalog c = Catalog.open(catalog)) {
            SweepService.definition(c, sweep);
            RunQueue q = c.runQueue();
            for (SweepRun r : q.runs(sweep)) {
                if (pending && (r.status() == RunStatus.DONE || r.status() == RunStatus.FAILED)) {
                    continue;
                }
                RunTicket t = q.ticket(r.id());
                jobs.add(new ClusterFiles.Job(r.id(), sweep, r.seq(), r.seed(), r.model(), t.net(), t.space(),
                        t.definition(), dir.resolve("ckpt").resolve(String.format(Locale.ROOT, "run-%05d", r.seq()))));
            }
        }
        if (jobs.isEmpty()) {
            throw new NdswException("sweep \"" + sweep + "\" has no " + (pending ? "pending " : "") + "runs to plan");
        }
        try {
            Files.createDirectories(dir.resolve("jobs"));
            Files.createDirectories(dir.resolve("results"));
            Files.createDirectories(dir.resolve("logs"));
            try (var old = Files.list(dir.resolve("jobs"))) {
                for (Path p : old.toList()) {
                    Files.delete(p); // a plan replaces the previous one: task i must mean job i of this plan
                }
            }
        } catch (IOException e) {
            throw new NdswException(dir + ": cannot create the plan folders: " + e.getMessage(), e);
        }
        for (int i = 0; i < jobs.size(); i++) {
            ClusterFiles.writeJob(jobs.get(i), ClusterFiles.jobFile(dir, i));
        }
        String engine = DefinitionJson.parse(jobs.get(0).definition(), "sweep " + sweep).engine();
        Path script = dir.resolve(SCRIPT);
        AtomicWrite.text(script, fill(template, values(sweep, jobs.size(), dir, script, engine, o), o.template()));
        script.toFile().setExecutable(true);
        return new Plan(jobs.size(), script);
    }

    /** The default job-array template. */
    public static String defaultTemplate() {
        try (InputStream in = ClusterPlan.class.getResourceAsStream(SCRIPT)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("the default template is packaged with ndsw", e);
        }
    }

    private static Map<String, String> values(String sweep, int n, Path dir, Path script, String engine, Options o) {
        Map<String, String> v = new TreeMap<>();
        v.put("NAME", sweep);
        v.put("COUNT", Integer.toString(n));
        v.put("ARRAY", "0-" + (n - 1) + (o.limit() > 0 ? "%" + o.limit() : ""));
        v.put("DIR", dir.toString());
        v.put("SCRIPT", script.toString());
        List<String> lines = new ArrayList<>();
        lines.add("#SBATCH --cpus-per-task=" + o.cpus());
        lines.add("#SBATCH --signal=B:TERM@" + o.signalSeconds());
        if (o.gpus() > 0) {
            lines.add("#SBATCH --gres=gpu:" + o.gpus());
        }
        if (o.time() != null) {
            lines.add("#SBATCH --time=" + o.time());
        }
        if (o.partition() != null) {
            lines.add("#SBATCH --partition=" + o.partition());
        }
        v.put("SBATCH_OPTIONS", String.join("\n", lines));
        v.put("WORKER", workerCommand(engine, o));
        return v;
    }

    /** This process's java and class path (absolute), the engine's properties, then `sweep worker`. */
    private static String workerCommand(String engine, Options o) {
        List<String> cmd = new ArrayList<>();
        cmd.add(ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin",
                "java").toString()));
        cmd.add("-Xmx" + o.heap());
        cmd.add("-Djava.awt.headless=true");
        Launcher.engineProperties(engine, o.cpus()).forEach((k, val) -> cmd.add("-D" + k + "=" + val));
        cmd.add("-cp");
        List<String> cp = new ArrayList<>();
        for (String e : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
            cp.add(Path.of(e).toAbsolutePath().normalize().toString());
        }
        cmd.add(String.join(java.io.File.pathSeparator, cp));
        cmd.add(Launcher.MAIN);
        cmd.add("sweep");
        cmd.add("worker");
        StringBuilder s = new StringBuilder();
        for (String a : cmd) {
            s.append(s.length() == 0 ? "" : " ").append(quote(a));
        }
        return s.toString();
    }

    private static String quote(String a) {
        return a.matches("[A-Za-z0-9_./:=@%+-]+") ? a : "'" + a.replace("'", "'\\''") + "'";
    }

    private static String fill(String template, Map<String, String> values, Path file) {
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String key = m.group().substring(1, m.group().length() - 1);
            String v = values.get(key);
            if (v == null) {
                throw new NdswException((file == null ? "the default template" : file.toString())
                        + ": unknown placeholder " + m.group() + "; known: " + values.keySet());
            }
            m.appendReplacement(out, Matcher.quoteReplacement(v));
        }
        m.appendTail(out);
        if (!template.contains("@WORKER@")) {
            throw new NdswException(file + ": the template has no @WORKER@ placeholder, so its tasks would train nothing");
        }
        return out.toString();
    }

    private static String readTemplate(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new NdswException(file + ": cannot read the template: " + e.getMessage(), e);
        }
    }
}
