package org.ndsw.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import org.ndsw.app.sweep.SampledOptim;
import org.ndsw.app.sweep.SweepDefinition;
import org.ndsw.app.sweep.SweepService;
import org.ndsw.complexity.Convention;
import org.ndsw.complexity.Window;
import org.ndsw.train.Device;
import org.ndsw.space.BuiltinSpaces;
import org.ndsw.space.DesignSpace;
import org.ndsw.train.Recipe;
import org.ndsw.train.RecipeOptions;
import org.ndsw.train.TrainingEngines;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** `ndsw sweep create NAME`: samples the models and queues one run per model and seed in the catalogue. */
@Command(name = "create", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Sample N distinct models from a space and queue one run per model and seed.",
            "Sampling is reproducible: the same space, seed and window give the same models. The recipe defaults",
            "are the paper's CIFAR-10 recipe; --recipe enhanced is the paper's enhanced DARTS setup (cell spaces)."})
final class SweepCreateCommand implements Runnable {
    @Spec CommandSpec spec;
    @Mixin CatalogOption catalog;

    @Parameters(paramLabel = "NAME", description = "Name of the sweep.") String name;
    @Option(names = "--space", required = true, paramLabel = "NAME|FILE", description = "Design space.") String space;
    @Option(names = {"-n", "--count"}, required = true, description = "Number of models.") int n;
    @Option(names = "--seed", required = true, description = "Sampling seed.") long seed;
    @Option(names = "--min-params", converter = CountConverter.class, description = "Smallest params.") Long minParams;
    @Option(names = "--max-params", converter = CountConverter.class, description = "Largest params.") Long maxParams;
    @Option(names = "--min-flops", converter = CountConverter.class, description = "Smallest flops.") Long minFlops;
    @Option(names = "--max-flops", converter = CountConverter.class, description = "Largest flops.") Long maxFlops;
    @Option(names = "--convention", defaultValue = "nds", description = "Flops convention: nds or macs.") String convention;
    @Option(names = "--epochs", description = "Epochs. Default: 100, 600 with --recipe enhanced.") Integer epochs;
    @Mixin SetupOptions setup;
    @Option(names = "--batch", defaultValue = "128", description = "Training batch size. Default: ${DEFAULT-VALUE}.") int batch;
    @Option(names = "--test-batch", defaultValue = "200", description = "Test batch size. Default: ${DEFAULT-VALUE}.") int testBatch;
    @Option(names = "--lr", defaultValue = "0.1", description = "Base learning rate. Default: ${DEFAULT-VALUE}.") double lr;
    @Option(names = "--wd", defaultValue = "5e-4", description = "Weight decay. Default: ${DEFAULT-VALUE}.") double wd;
    @Option(names = "--lr-range", paramLabel = "LO:HI", description = {"Sample each model's base learning rate"
            + " log-uniformly in [LO, HI] (as the NDS _lr-wd files vary it); overrides --lr."}) String lrRange;
    @Option(names = "--wd-range", paramLabel = "LO:HI", description = "Sample each model's weight decay"
            + " log-uniformly in [LO, HI]; overrides --wd.") String wdRange;
    @Option(names = "--momentum", defaultValue = "0.9", description = "SGD momentum. Default: ${DEFAULT-VALUE}.") double momentum;
    @Option(names = "--no-nesterov", description = "Plain momentum instead of Nesterov.") boolean noNesterov;
    @Option(names = "--diverge-loss", defaultValue = "" + Recipe.DEFAULT_DIVERGE_LOSS,
            description = "A batch loss above this ends a run as diverged. Default: ${DEFAULT-VALUE}.") double divergeLoss;
    @Option(names = "--data", required = true, paramLabel = "DIR", description = "CIFAR-10 directory, or ImageNet-style folders train/<class>/ and val/<class>/.") Path data;
    @Mixin ImageOptions image;
    @Option(names = "--train-subset", defaultValue = "0", paramLabel = "N", description = "Train on N images.") int trainSubset;
    @Option(names = "--test-subset", defaultValue = "0", paramLabel = "N", description = "Test on N images.") int testSubset;
    @Option(names = "--subset-seed", defaultValue = "0", description = "Seed of the subsets.") long subsetSeed;
    @Option(names = "--engine", defaultValue = TrainingEngines.DEFAULT, description = "Engine: djl or dl4j. Default: ${DEFAULT-VALUE}.") String engine;
    @Option(names = "--device", defaultValue = "cpu", paramLabel = "cpu|gpu", description = {
        "Where every run trains. Default: ${DEFAULT-VALUE}. With gpu each worker trains on CUDA device 0 of its",
        "machine (a build with CUDA natives: mvn -Pcuda package); workers on one machine share that GPU, so run",
        "`sweep run --workers 1` per GPU machine. Without a CUDA device the first run fails with the reason and",
        "the scheduler claims no more runs (docs/sweeps.md, \"GPU\")."}) String device;
    @Option(names = "--seeds-per-model", defaultValue = "1", description = "Runs per model (training seeds 1..K).") int seedsPerModel;
    @Option(names = "--work-dir", paramLabel = "DIR", description = "Folder of checkpoints and logs."
            + " Default: <catalogue>-sweeps/NAME next to the catalogue.") Path workDir;

    @Override
    public void run() {
        Window window = new Window(orElse(minParams, 0L), orElse(maxParams, Long.MAX_VALUE), orElse(minFlops, 0L),
                orElse(maxFlops, Long.MAX_VALUE));
        RecipeOptions setupOptions = setup.options(epochs);
        Recipe recipe = setupOptions.recipe(new Recipe(Recipe.NDS_CIFAR.epochs(), batch, testBatch, lr, momentum,
                !noNesterov, wd, divergeLoss), null);
        DesignSpace designSpace = BuiltinSpaces.resolve(space);
        if (!"cell".equals(designSpace.family())) {
            setupOptions.requireCells(recipe, "space " + designSpace.name() + " is " + designSpace.family() + "-wise");
        }
        SweepDefinition def = new SweepDefinition(name, space, n, seed, window, Convention.parse(convention), recipe,
                data.toAbsolutePath().toString(), trainSubset, testSubset, subsetSeed, engine, Device.parse(device),
                seedsPerModel, image.recipe(), sampled(lrRange, wdRange));
        report(spec, new SweepService(catalog.path()).create(def, workDir), catalog.path());
    }

    /** Prints what `create` or `import` wrote. */
    static void report(CommandSpec spec, SweepService.Created c, Path catalog) {
        PrintWriter out = spec.commandLine().getOut();
        out.printf(Locale.ROOT, "created sweep %s in %s: %d models (%d candidates drawn), %d runs queued;"
                + " checkpoints and logs in %s%nnext: ndsw sweep run %s --workers K%n", c.sweep(), catalog, c.models(),
                c.drawn(), c.runs(), c.workDir(), c.sweep());
        out.flush();
    }

    /** The lr and wd ranges of the options (none when neither is given). */
    static SampledOptim sampled(String lrRange, String wdRange) {
        return new SampledOptim(lrRange == null ? null : SampledOptim.LogRange.parse(lrRange, "--lr-range"),
                wdRange == null ? null : SampledOptim.LogRange.parse(wdRange, "--wd-range"));
    }

    private static long orElse(Long v, long d) {
        return v == null ? d : v;
    }
}
