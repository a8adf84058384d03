package org.ndsw.app.ingest;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.ndsw.NdswException;
import org.ndsw.app.Provenance;
import org.ndsw.catalog.Catalog;
import org.ndsw.catalog.ModelEntry;
import org.ndsw.catalog.NewSweep;
import org.ndsw.catalog.RunData;
import org.ndsw.catalog.RunEntry;
import org.ndsw.catalog.RunStatus;
import org.ndsw.catalog.SweepSummary;
import org.ndsw.catalog.nds.NdsJson;
import org.ndsw.complexity.AnyNetComplexity;
import org.ndsw.complexity.Complexity;
import org.ndsw.complexity.Convention;
import org.ndsw.pycls.PyclsSweep;
import org.ndsw.space.SpecJson;

/**
 * Imports a pycls sweep.json (docs/pycls.md#sweepjson) as one sweep in one transaction. The sweep is named after the
 * folder holding sweep.json (pycls writes it to ROOT_DIR/NAME/sweep.json), or after the file if it has another name;
 * every job is a run, its error the best test top-1 error. Each job's flops and params are checked against ours for
 * its cfg under pycls's convention (macs at TRAIN.IM_SIZE); differences are reported, not corrected.
 */
final class PyclsSweepImport {
    private final Path file;
    private final ImportService.Options options;

    PyclsSweepImport(Path file, ImportService.Options options) {
        this.file = file;
        this.options = options;
    }

    /** The sweep's name: the folder of a file named sweep.json, else the file name without `.json`. */
    static String sweepName(Path file) {
        String n = file.getFileName().toString();
        Path parent = file.toAbsolutePath().getParent();
        if (n.equals("sweep.json") && parent != null && parent.getFileName() != null) {
            return parent.getFileName().toString();
        }
        return n.endsWith(".json") ? n.substring(0, n.length() - 5) : n;
    }

    ImportReport.SourceResult run(Catalog catalog) {
        long t0 = System.nanoTime();
        String name = sweepName(file);
        String sourceName = name + "/sweep.json";
        String sha = sha256();
        List<SweepSummary> existing = catalog.sweepsFromSource(sourceName);
        if (!existing.isEmpty() && existing.stream().allMatch(s -> sha.equals(s.sourceSha256()))) {
            return new ImportReport.SourceResult(file.toString(), ImportReport.Outcome.UNCHANGED,
                    "already imported, unchanged (sweep " + name + ")", List.of(), size(), seconds(t0));
        }
        if (!existing.isEmpty() && !options.replace()) {
            throw new NdswException(file + ": sweep " + name + " was imported from a different pycls sweep.json"
                    + ImportService.REPLACE_HINT);
        }
        List<PyclsSweep.Job> jobs = PyclsSweep.read(file);
        ImportReport.SweepResult result = catalog.write(w -> {
            existing.forEach(s -> w.deleteSweep(s.id()));
            if (w.sweep(name).isPresent()) {
                throw new NdswException(file + ": the catalogue already has a sweep named " + name
                        + " from another source; rename the folder holding sweep.json");
            }
            String given = jobs.isEmpty() ? "" : jobs.get(0).config().path("TRAIN").path("DATASET").asText("");
            String dataset = given.isEmpty() ? "unknown" : given;
            String space = space(jobs);
            long id = w.createSweep(new NewSweep(name, space, dataset, "pycls-import",
                    file.toString(), sourceName, null, null, null, null, Provenance.of("import").toString()));
            Checks checks = new Checks();
            Set<Long> models = new HashSet<>();
            for (PyclsSweep.Job j : jobs) {
                checks.add(j);
                long model = w.model(ModelEntry.of(j.spec(), SpecJson.toJson(j.spec())));
                models.add(model);
                w.addRun(id, model, run(j));
            }
            VerificationReport v = checks.report(jobs.size());
            w.describeSweep(id, sha, ReportJson.recipe(checks.values.values()).toString(),
                    ReportJson.verification(v).toString());
            return new ImportReport.SweepResult(name, space, dataset, jobs.size(), models.size(), v);
        });
        return new ImportReport.SourceResult(file.toString(), ImportReport.Outcome.IMPORTED, null, List.of(result),
                size(), seconds(t0));
    }

    private static RunEntry run(PyclsSweep.Job j) {
        double[] test = j.testTop1();
        Double best = j.minTop1() != null ? j.minTop1() : min(test);
        ObjectNode optim = JsonNodeFactory.instance.objectNode();
        optim.put("base_lr", j.optim().baseLr()).put("wd", j.optim().weightDecay()).put("max_ep", j.epochMax())
                .put("momentum", j.optim().momentum()).put("nesterov", j.optim().nesterov());
        ObjectNode extra = JsonNodeFactory.instance.objectNode();
        extra.set("pycls_cfg", j.config());
        RunData.Curves curves = new RunData.Curves(test.length == 0 ? null : test,
                j.trainTop1().length == 0 ? null : j.trainTop1(), j.trainLoss().length == 0 ? null : j.trainLoss(),
                null, null, null);
        RunStatus status = j.finished() ? RunStatus.DONE : RunStatus.FAILED;
        return new RunEntry(j.index(), j.seed(), status, best, j.finalError(), test.length, j.flops(), j.params(),
                j.optim().baseLr(), j.optim().weightDecay(), j.epochMax(), null, null, null, null, null, null,
                new RunData(NdsJson.text(optim), curves, NdsJson.text(extra)));
    }

    private static Double min(double[] values) {
        Double m = null;
        for (double e : values) {
            m = m == null ? e : Math.min(m, e);
        }
        return m;
    }

    /** The sweep's space: pycls-anynet or pycls-regnet when every job has that MODEL.TYPE, else pycls. */
    private static String space(List<PyclsSweep.Job> jobs) {
        Set<String> types = new HashSet<>();
        jobs.forEach(j -> types.add(j.config().path("MODEL").path("TYPE").asText("")));
        return types.size() == 1 ? "pycls-" + types.iterator().next() : "pycls";
    }

    /** Complexity recomputed per job, best epochs checked, and the optimizer values seen. */
    private static final class Checks {
        private final Tally flops = new Tally();
        private final Tally params = new Tally();
        private final Tally bestEpoch = new Tally();
        private final ValueSets values = new ValueSets();
        private int checked;
        private int bestChecked;

        void add(PyclsSweep.Job j) {
            Double least = min(j.testTop1());
            if (j.minTop1() != null && least != null) {
                bestChecked++;
                if (Math.abs(j.minTop1() - least) > 1e-6) {
                    bestEpoch.add("job " + j.index(), "min_top1_err " + j.minTop1() + ", min(top1_err) " + least);
                }
            }
            values.add("optim.base_lr", j.optim().baseLr());
            values.add("optim.wd", j.optim().weightDecay());
            values.add("optim.max_ep", j.epochMax());
            if (j.flops() == null || j.params() == null) {
                return;
            }
            checked++;
            Complexity ours = AnyNetComplexity.of(j.net(), j.imageSize(), Convention.MACS);
            String where = "job " + j.index();
            if (j.flops() != ours.flops()) {
                flops.add(where, "recorded " + j.flops() + ", computed " + ours.flops());
            }
            if (j.params() != ours.params()) {
                params.add(where, "recorded " + j.params() + ", computed " + ours.params());
            }
        }

        VerificationReport report(int records) {
            Map<String, List<Object>> seen = values.values();
            return new VerificationReport(records, "recomputed from cfg at TRAIN.IM_SIZE, pycls convention (macs)",
                    checked, flops.result(), false, params.result(), bestChecked, bestEpoch.result(), new Tally().result(),
                    seen, values.truncatedKeys());
        }
    }

    private String sha256() {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest d = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[1 << 16];
            for (int n = in.read(buf); n > 0; n = in.read(buf)) {
                d.update(buf, 0, n);
            }
            return HexFormat.of().formatHex(d.digest());
        } catch (IOException e) {
            throw new NdswException(file + ": cannot read: " + e.getMessage(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    private long size() {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0;
        }
    }

    private static double seconds(long t0) {
        return (System.nanoTime() - t0) / 1e9;
    }
}
