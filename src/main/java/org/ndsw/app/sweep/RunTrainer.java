package org.ndsw.app.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.ndsw.NdswException;
import org.ndsw.catalog.RunTicket;
import org.ndsw.space.SpecJson;
import org.ndsw.train.Checkpoints;
import org.ndsw.train.DataSummary;
import org.ndsw.train.EngineOptions;
import org.ndsw.train.EpochRecord;
import org.ndsw.train.Preload;
import org.ndsw.train.Progress;
import org.ndsw.train.ResultJson;
import org.ndsw.train.Seeds;
import org.ndsw.train.Status;
import org.ndsw.train.TrainingEngine;
import org.ndsw.train.TrainingEngines;
import org.ndsw.train.TrainingJob;
import org.ndsw.train.TrainingListener;
import org.ndsw.train.TrainingResult;
import org.ndsw.train.TrainingService;
import org.ndsw.train.data.Cifar10;
import org.ndsw.train.data.FolderData;
import org.ndsw.train.data.ImageNetFolders;
import org.ndsw.train.data.ImageRecipe;

/**
 * Trains one run of a sweep: the part shared by local workers (which record in the catalogue) and cluster workers
 * (which record in files). It resumes from the run's checkpoint folder when there is one, hands the whole curves to its
 * sink after every epoch and stops at the next epoch boundary once {@link #requestStop} was called.
 */
final class RunTrainer {
    private static final long PROGRESS_NANOS = 1_000_000_000L;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** Where the finished epochs go. */
    interface Sink {
        /** Records the epochs finished so far (whole curves); false if the run is no longer this worker's. */
        boolean epochs(List<EpochRecord> epochs);

        /** Read after every epoch: true to stop at this boundary. */
        boolean stopRequested();
    }

    /**
     * How the training ended.
     *
     * @param stopped the run stopped at an epoch boundary on request; its checkpoint is kept for a resume
     * @param lost the sink refused an epoch: the run is no longer this worker's
     */
    record Outcome(TrainingResult result, boolean stopped, boolean lost) {}

    private final PrintStream log;
    private volatile boolean stop;
    private volatile boolean lost;
    private volatile String stopReason = "";

    RunTrainer(PrintStream log) {
        this.log = log;
    }

    /** Asks the training to stop at the next epoch boundary (signals, a stop request, a lost scheduler). */
    synchronized void requestStop(String why) {
        if (!stop) {
            stopReason = why;
            stop = true;
        }
    }

    /** Marks the run as no longer this worker's: training stops at once and nothing more is recorded. */
    void markLost() {
        lost = true;
    }

    /** Why the training was asked to stop ("" if it was not). */
    String stopReason() {
        return stopReason;
    }

    /** Trains the run of the ticket with this many engine threads into the sink. */
    Outcome train(RunTicket ticket, int threads, Sink sink) {
        SweepDefinition def = DefinitionJson.parse(ticket.definition(), "sweep " + ticket.sweep());
        Path dir = Path.of(ticket.checkpointDir());
        boolean resume = Files.exists(dir.resolve(Checkpoints.STATE));
        List<EpochRecord> epochs = new ArrayList<>(resume ? checkpointEpochs(dir) : List.of());
        log.printf(Locale.ROOT, "run id %d (sweep %s, seq %d, seed %d): %s from %s%n", ticket.runId(), ticket.sweep(),
                ticket.seq(), ticket.seed(), resume ? "resuming after epoch " + epochs.size() : "starting",
                ticket.net());
        EngineOptions options = new EngineOptions(def.device(), threads);
        TrainingEngine engine = TrainingEngines.find(def.engine());
        Preload preload = Preload.start(engine, options);
        long seed = ticket.seed();
        TrainingJob job;
        if (ImageNetFolders.isImageNetLayout(Path.of(def.data()))) {
            FolderData data = ImageNetFolders.read(Path.of(def.data()), def.trainSubset(), def.testSubset(),
                    def.subsetSeed(), def.image() != null ? def.image()
                    : ImageRecipe.of(ImageRecipe.PYCLS_IM_SIZE));
            preload.await();
            DataSummary summary = new DataSummary(FolderData.NAME + ": " + data.classes().size() + " classes, "
                    + data.recipe(), FolderData.FORMAT, def.data(), data.train().size(), data.val().size(),
                    def.trainSubset(), def.testSubset());
            job = new TrainingJob(SpecJson.parseNet(readTree(ticket.net())), ticket.space(), null, summary,
                    def.recipeOf(ticket.seq()), seed, Seeds.of(seed), options, dir, resume, data);
        } else {
            if (def.image() != null) {
                throw new NdswException("sweep " + ticket.sweep() + ": image options apply to ImageNet-style folders"
                        + " (train/<class>/ and val/<class>/), and " + def.data() + " is CIFAR-10 data");
            }
            Cifar10 data = Cifar10.load(Path.of(def.data()), def.trainSubset(), def.testSubset(), def.subsetSeed());
            preload.await();
            DataSummary summary = new DataSummary(data.name(), data.format(), def.data(), data.train().size(),
                    data.test().size(), def.trainSubset(), def.testSubset());
            job = job(ticket, def, data, summary, options, dir, resume);
        }
        TrainingResult result = new TrainingService(engine).run(job, new Listener(sink, epochs,
                job.recipe().epochs()));
        boolean cancelled = String.valueOf(result.error()).startsWith("training cancelled");
        boolean stopped = !lost && result.status() == Status.FAILED && stop && cancelled;
        if (stopped) {
            log.println("stopped (" + stopReason + ") after epoch " + result.epochs().size());
        } else if (!lost) {
            log.println(Outcomes.summary(result));
        }
        return new Outcome(result, stopped, lost);
    }

    /** The training job of a run: its model, and its recipe with the lr and wd its model drew (if the sweep samples them). */
    static TrainingJob job(RunTicket ticket, SweepDefinition def, Cifar10 data, DataSummary summary,
            EngineOptions options, Path dir, boolean resume) {
        long seed = ticket.seed();
        return new TrainingJob(SpecJson.parseNet(readTree(ticket.net())), ticket.space(), data, summary,
                def.recipeOf(ticket.seq()), seed, Seeds.of(seed), options, dir, resume);
    }

    private static List<EpochRecord> checkpointEpochs(Path dir) {
        try {
            return ResultJson.parseEpochs(MAPPER.readTree(dir.resolve(Checkpoints.STATE).toFile()).get("epochs"));
        } catch (IOException | RuntimeException e) {
            throw new NdswException(dir.resolve(Checkpoints.STATE) + ": cannot read the epochs: " + e.getMessage(), e);
        }
    }

    private static JsonNode readTree(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (IOException e) {
            throw new NdswException("a stored net is not valid JSON: " + e.getMessage(), e);
        }
    }

    /** Prints progress lines, hands every epoch to the sink and stops at epoch boundaries when asked. */
    private final class Listener implements TrainingListener {
        private final Sink sink;
        private final List<EpochRecord> epochs;
        private final int total;
        private long lastLine = System.nanoTime() - PROGRESS_NANOS;
        private boolean atBoundary = true;

        Listener(Sink sink, List<EpochRecord> epochs, int total) {
            this.sink = sink;
            this.epochs = epochs;
            this.total = total;
        }

        @Override
        public void onProgress(Progress p) {
            atBoundary = false;
            long now = System.nanoTime();
            if (now - lastLine >= PROGRESS_NANOS || p.batch() == p.batches()) {
                lastLine = now;
                log.println(ProgressLine.format(p));
            }
        }

        @Override
        public void onEpoch(EpochRecord r) {
            epochs.removeIf(e -> e.epoch() >= r.epoch());
            epochs.add(r);
            atBoundary = true;
            log.println(org.ndsw.app.train.TrainingProgress.summary(r, total));
            if (!sink.epochs(List.copyOf(epochs))) {
                lost = true;
            }
            if (sink.stopRequested()) { // read here too, so a stop never waits for the next heartbeat
                requestStop("the sweep was asked to stop");
            }
        }

        @Override
        public boolean isCancelled() {
            return lost || stop && atBoundary;
        }
    }
}
