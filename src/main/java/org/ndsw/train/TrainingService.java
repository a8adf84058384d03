package org.ndsw.train;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.ndsw.NdswException;
import org.ndsw.complexity.Complexities;
import org.ndsw.complexity.Complexity;
import org.ndsw.complexity.Convention;
import org.ndsw.complexity.GraphComplexity;
import org.ndsw.net.Graph;
import org.ndsw.net.Networks;
import org.ndsw.train.data.BatchLoader;
import org.ndsw.train.data.BatchStream;
import org.ndsw.train.data.ImageNetLoader;
import org.ndsw.train.selftest.SelfTest;

/**
 * Trains one network on CIFAR-10 with a recipe, through any engine: the loop, schedule, divergence check, evaluation,
 * checkpoints and timing live here, the arithmetic in the engine.
 *
 * <p>A run always ends in a result: done, diverged (NaN, infinite or exploding batch loss, with the epoch and batch),
 * or failed (the error and exception are kept so the caller can report them after saving the result).
 */
public final class TrainingService {
    private final TrainingEngine engine;

    /** A service training with this engine. */
    public TrainingService(TrainingEngine engine) {
        this.engine = engine;
    }

    /** Runs a job to its end. */
    public TrainingResult run(TrainingJob job, TrainingListener listener) {
        Instant started = Instant.now();
        long t0 = System.nanoTime();
        Graph graph = Networks.build(job.spec(), job.input(), job.classes());
        Complexity complexity = job.folders() == null ? Complexities.cifar(job.spec(), Convention.NDS)
                : GraphComplexity.of(graph, Convention.NDS);
        Run run = new Run(job, listener);
        TrainingEngine engine = this.engine;
        String selfTest = "";
        try {
            if (SelfTest.enabled()) {
                SelfTest.Outcome outcome = SelfTest.standard().verify(engine, graph, job.options());
                engine = outcome.chosen();
                selfTest = outcome.fellBack() ? "; " + outcome.summary() : "";
            }
        } catch (RuntimeException e) {
            run.status = Status.FAILED;
            run.failure = e;
            run.error = e.getMessage() == null ? e.toString() : e.getMessage();
            return finish(job, complexity, engine, run, started, t0);
        }
        try (EngineModel model = engine.build(graph, job.options())) {
            run.engineDescription = model.deviceDescription() + selfTest;
            run.engineParams = model.trainableParameters();
            long aux = ParameterLayout.auxiliaryCount(graph);
            if (run.engineParams != complexity.params() + aux) {
                throw new IllegalStateException("engine " + engine.name() + " counts " + run.engineParams
                        + " trainable parameters, the complexity code " + complexity.params()
                        + (aux > 0 ? " plus " + aux + " of the auxiliary head" : ""));
            }
            run.maskSlots = graph.dropPathSlots();
            run.train(model, graph);
        } catch (RuntimeException e) {
            run.status = Status.FAILED;
            run.failure = e;
            run.error = e.getMessage() == null ? e.toString() : e.getMessage();
        }
        return finish(job, complexity, engine, run, started, t0);
    }

    private static TrainingResult finish(TrainingJob job, Complexity complexity, TrainingEngine engine, Run run,
            Instant started, long t0) {
        double wall = (System.nanoTime() - t0) / 1e9;
        EngineInfo info = new EngineInfo(engine.name(), run.status == Status.FAILED && run.engineParams < 0
                ? java.util.Map.of() : engine.versions(), job.options().device().cliName(), job.options().threads(),
                run.engineDescription);
        return new TrainingResult(job, complexity, info, run.engineParams, run.status, run.error, run.failure,
                run.divergence, run.epochs, run.resumed, started, Instant.now(), wall, RunHost.facts());
    }

    /** The mutable state of one run. */
    private static final class Run {
        final TrainingJob job;
        final TrainingListener listener;
        final List<EpochRecord> epochs = new ArrayList<>();
        Status status = Status.DONE;
        String error;
        RuntimeException failure;
        Divergence divergence;
        long engineParams = -1;
        int maskSlots;
        String engineDescription = "";
        int resumed;

        Run(TrainingJob job, TrainingListener listener) {
            this.job = job;
            this.listener = listener;
        }

        void train(EngineModel model, Graph graph) {
            Checkpoints checkpoints = job.checkpointDir() == null ? null : new Checkpoints(job.checkpointDir(), job);
            if (job.resume()) {
                epochs.addAll(checkpoints.restore(model));
                resumed = epochs.size();
            } else {
                model.loadWeights(WeightInit.initial(graph, job.seeds().init()));
            }
            for (int e = epochs.size(); e < job.recipe().epochs(); e++) {
                EpochRecord r = epoch(model, e);
                if (r == null) {
                    status = Status.DIVERGED;
                    return;
                }
                epochs.add(r);
                listener.onEpoch(r);
                if (checkpoints != null) {
                    checkpoints.save(model, epochs);
                }
            }
        }

        /** Trains and evaluates epoch e (0-based); null if it diverged. */
        private EpochRecord epoch(EngineModel model, int e) {
            Recipe recipe = job.recipe();
            Sgd sgd = recipe.sgd(e);
            double lossSum = 0;
            long correct = 0;
            long seen = 0;
            long start = System.nanoTime();
            BatchLoader.Extras extras = new BatchLoader.Extras(recipe.cutout(), maskSlots, recipe.dropPathProb(e));
            try (BatchStream loader = job.folders() != null
                    ? ImageNetLoader.training(job.folders(), recipe.batchSize(), job.seeds().orderRng(e),
                            job.seeds().augmentRng(e))
                    : BatchLoader.training(job.data().train(), recipe.batchSize(), job.seeds().orderRng(e),
                            job.seeds().augmentRng(e), extras)) {
                for (int b = 1; loader.hasNext(); b++) {
                    checkCancelled(e, b);
                    StepResult s = model.trainStep(loader.next(), sgd);
                    double loss = s.meanLoss() + sgd.auxWeight() * s.meanAuxLoss();
                    if (Divergence.isDiverged(loss, recipe.divergeLoss())) {
                        divergence = new Divergence(e + 1, b, loss);
                        return null;
                    }
                    lossSum += s.lossSum();
                    correct += s.correct();
                    seen += s.size();
                    double elapsed = (System.nanoTime() - start) / 1e9;
                    listener.onProgress(new Progress(Progress.Phase.TRAIN, e + 1, recipe.epochs(), b, loader.batches(),
                            lossSum / seen, error(correct, seen), seen / elapsed));
                }
            }
            double trainSeconds = (System.nanoTime() - start) / 1e9;
            long evalStart = System.nanoTime();
            StepResult test = evaluate(model, e);
            double evalSeconds = (System.nanoTime() - evalStart) / 1e9;
            return new EpochRecord(e + 1, sgd.lr(), lossSum / seen, error(correct, seen), test.meanLoss(),
                    error(test.correct(), test.size()), trainSeconds, evalSeconds, seen);
        }

        /** The test set's summed loss and correct count. */
        private StepResult evaluate(EngineModel model, int e) {
            double lossSum = 0;
            long correct = 0;
            int seen = 0;
            long start = System.nanoTime();
            try (BatchStream loader = job.folders() != null
                    ? ImageNetLoader.evaluation(job.folders(), job.recipe().testBatchSize())
                    : BatchLoader.evaluation(job.data().test(), job.recipe().testBatchSize())) {
                for (int b = 1; loader.hasNext(); b++) {
                    checkCancelled(e, b);
                    StepResult s = model.evaluate(loader.next());
                    lossSum += s.lossSum();
                    correct += s.correct();
                    seen += s.size();
                    double elapsed = (System.nanoTime() - start) / 1e9;
                    listener.onProgress(new Progress(Progress.Phase.TEST, e + 1, job.recipe().epochs(), b,
                            loader.batches(), lossSum / seen, error(correct, seen), seen / elapsed));
                }
            }
            return new StepResult(lossSum, correct, seen);
        }

        private void checkCancelled(int e, int b) {
            if (listener.isCancelled()) {
                throw new NdswException("training cancelled in epoch " + (e + 1) + " before batch " + b);
            }
        }

        private static double error(long correct, long seen) {
            return 100.0 * (seen - correct) / seen;
        }
    }
}
