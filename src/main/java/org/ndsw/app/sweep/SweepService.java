package org.ndsw.app.sweep;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.ndsw.NdswException;
import org.ndsw.app.Provenance;
import org.ndsw.app.space.SamplingService;
import org.ndsw.app.train.ModelSource;
import org.ndsw.catalog.Catalog;
import org.ndsw.catalog.ModelEntry;
import org.ndsw.catalog.NewSweep;
import org.ndsw.catalog.RunData;
import org.ndsw.catalog.RunEntry;
import org.ndsw.catalog.RunQueue;
import org.ndsw.catalog.RunStatus;
import org.ndsw.catalog.SweepRun;
import org.ndsw.catalog.SweepSummary;
import org.ndsw.space.BuiltinSpaces;
import org.ndsw.space.DesignSpace;
import org.ndsw.train.Device;
import org.ndsw.train.Recipe;
import org.ndsw.train.ResultJson;
import org.ndsw.train.TrainingEngines;
import org.ndsw.Quote;

/**
 * The sweep use cases shared by the CLI and the GUI: create a sweep from its definition, run it with K worker
 * processes (blocking or in the background), stop it, retry its failed runs, read its status.
 *
 * <p>Every call opens the catalogue for its own duration, so a service is cheap and may be used from any thread;
 * the state lives in the catalogue, which other processes read and write meanwhile.
 */
public final class SweepService {
    private final Path catalogFile;

    /** A service on this catalogue file. */
    public SweepService(Path catalogFile) {
        this.catalogFile = catalogFile;
    }

    /** What `create` wrote: the sweep, its models and runs, the candidates drawn and the folder of its runs. */
    public record Created(String sweep, int models, int runs, long drawn, Path workDir) {}

    /**
     * Samples the definition's models (reproducibly) and stores the sweep with one queued run per model and seed.
     *
     * @param workDir folder of the runs' checkpoints and logs, or null for {@link #defaultWorkDir}
     */
    public Created create(SweepDefinition def, Path workDir) {
        TrainingEngines.find(def.engine());
        if (!Files.isDirectory(Path.of(def.data()))) {
            throw new NdswException("--data " + def.data() + ": no such directory");
        }
        if (def.image() != null && !org.ndsw.train.data.ImageNetFolders.isImageNetLayout(Path.of(def.data()))) {
            throw new NdswException("--im-size, --test-im-size and --pca-std apply to ImageNet-style folders"
                    + " (train/<class>/ and val/<class>/), and " + def.data() + " is not one");
        }
        DesignSpace space = BuiltinSpaces.resolve(def.space());
        if (def.recipe().needsCells() && !"cell".equals(space.family())) {
            throw new NdswException(String.format(Locale.ROOT, "the recipe's auxiliary head (aux weight %s) and"
                    + " drop-path (%s) are defined for cell networks only, and space %s is %s-wise",
                    def.recipe().auxWeight(), def.recipe().dropPath(), space.name(), space.family()));
        }
        SamplingService.Result sampled = SamplingService.sample(new SamplingService.Request(space, def.n(),
                def.seed(), def.window(), def.convention(), true, SamplingService.DEFAULT_MAX_DRAWS));
        List<SamplingService.Sample> samples = sampled.samples();
        Path dir = (workDir != null ? workDir : defaultWorkDir(catalogFile, def.name())).toAbsolutePath();
        try (Catalog c = Catalog.openOrCreate(catalogFile)) {
            c.write(w -> {
                long id = w.createSweep(new NewSweep(def.name(), space.name(), "cifar10", "sampled",
                        DefinitionJson.toJson(def).toString(), null, null, null,
                        ResultJson.optim(def.recipe()).toString(), null, Provenance.of("sweep create").toString()));
                for (int i = 0; i < samples.size(); i++) {
                    // the net as the recipe trains it: with the auxiliary head and drop_prob of the enhanced setup
                    ModelEntry m = ModelEntry.of(def.recipe().trainedNet(samples.get(i).spec()));
                    long model = w.model(m);
                    for (int s = 1; s <= def.seedsPerModel(); s++) {
                        int seq = i * def.seedsPerModel() + s - 1;
                        Recipe recipe = def.recipeOf(seq); // its model's sampled lr and wd, if the sweep samples them
                        w.addQueuedRun(id, model, new RunEntry(seq, (long) s, RunStatus.QUEUED, null, null, 0,
                                m.complexity().flops(), m.complexity().params(), recipe.baseLr(),
                                recipe.weightDecay(), recipe.epochs(), def.engine(), null, null, null,
                                null, null, RunData.EMPTY), m.hash() + "/" + s,
                                dir.resolve(String.format(Locale.ROOT, "run-%05d", seq)).toString());
                    }
                }
                return null;
            });
        }
        return new Created(def.name(), samples.size(), def.runs(), sampled.drawn(), dir);
    }

    /** The folder of a sweep's runs next to its catalogue: `<catalogue name>-sweeps/<sweep>/`. */
    public static Path defaultWorkDir(Path catalogFile, String sweep) {
        Path abs = catalogFile.toAbsolutePath();
        String stem = abs.getFileName().toString().replaceFirst("\\.[^.]*$", "");
        return abs.resolveSibling(stem + "-sweeps").resolve(sweep);
    }

    /** The definition a sweep was created from (what `ndsw sweep export` writes). */
    public SweepDefinition definition(String sweep) {
        try (Catalog c = Catalog.open(catalogFile)) {
            return definition(c, sweep);
        }
    }

    static SweepDefinition definition(Catalog c, String sweep) {
        SweepSummary s = c.sweep(sweep).orElseThrow(() -> new NdswException("catalogue " + c.file()
                + " has no sweep named " + Quote.of(sweep) + " (list them with `ndsw sweeps`)"));
        if (!"sampled".equals(s.sourceKind()) || s.source() == null || !s.source().contains(DefinitionJson.FORMAT)) {
            throw new NdswException("sweep " + Quote.of(sweep) + " was " + ("nds-import".equals(s.sourceKind())
                    ? "imported from " + s.source() : "not created by `ndsw sweep create`") + "; it has no runs to train");
        }
        return DefinitionJson.parse(s.source(), "sweep " + sweep);
    }

    /** The status of every run of a sweep. */
    public SweepStatus status(String sweep) {
        try (Catalog c = Catalog.open(catalogFile)) {
            Device device = definition(c, sweep).device();
            RunQueue q = c.runQueue();
            return new SweepStatus(sweep, device, q.stopRequested(sweep), q.runs(sweep));
        }
    }

    /** Puts the sweep's failed runs back in the queue; returns how many. */
    public int retryFailed(String sweep) {
        try (Catalog c = Catalog.open(catalogFile)) {
            definition(c, sweep);
            return c.runQueue().retryFailed(sweep);
        }
    }

    /**
     * Asks every process running the sweep to stop (it reads the request within a few seconds): workers finish their
     * current epoch, checkpoint, put their runs back in the queue and exit; schedulers exit once their workers did.
     */
    public void requestStop(String sweep) {
        try (Catalog c = Catalog.open(catalogFile)) {
            definition(c, sweep);
            c.runQueue().requestStop(sweep, true);
        }
    }

    /**
     * Hands the sweep to a new scheduler process (`ndsw sweep run NAME`) that outlives this one, with its output in
     * `scheduler.log` of the sweep's run folder; returns its pid. A GUI closing with "leave it running" calls this:
     * its own workers stop after their epoch once it is gone, and the new scheduler resumes their runs from their
     * checkpoints along with the queued ones.
     */
    public long handOver(String sweep, RunOptions options) {
        Path log;
        try (Catalog c = Catalog.open(catalogFile)) {
            definition(c, sweep);
            log = c.runQueue().runs(sweep).stream().map(SweepRun::checkpointDir).filter(d -> d != null).findFirst()
                    .map(d -> Path.of(d).resolveSibling("scheduler.log"))
                    .orElse(defaultWorkDir(catalogFile, sweep).resolve("scheduler.log"));
        }
        return Launcher.startDetached(Launcher.schedulerCommand(catalogFile, sweep, options), log).pid();
    }

    /** The last lines of a run's worker log (progress lines left out), or "" when it has none. */
    public static String logTail(SweepRun run) {
        return run.checkpointDir() == null ? "" : LogTail.of(Launcher.logFile(Path.of(run.checkpointDir())));
    }

    /** Runs the sweep on this thread until no run is left or a stop is requested. */
    public SweepOutcome run(String sweep, RunOptions options, SweepListener listener) {
        return new SweepScheduler(catalogFile, sweep, options, listener).run();
    }

    /** Runs the sweep on a background thread; the handle stops it and waits for it. */
    public SweepHandle start(String sweep, RunOptions options, SweepListener listener) {
        return SweepHandle.start(new SweepScheduler(catalogFile, sweep, options, listener), sweep);
    }
}
