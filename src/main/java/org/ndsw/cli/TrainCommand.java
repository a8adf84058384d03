package org.ndsw.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import org.ndsw.NdswException;
import org.ndsw.app.train.ModelSource;
import org.ndsw.app.train.TrainService;
import org.ndsw.app.train.TrainingProgress;
import org.ndsw.train.Device;
import org.ndsw.train.EngineOptions;
import org.ndsw.train.Recipe;
import org.ndsw.train.RecipeOptions;
import org.ndsw.train.ResultJson;
import org.ndsw.train.Seeds;
import org.ndsw.train.TrainingEngines;
import org.ndsw.train.TrainingResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** `ndsw train`: trains one model on CIFAR-10 with the paper's recipe and writes an NDS-style record. */
@Command(name = "train", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Train one model on CIFAR-10 (binary files or image folders) and write its NDS-style record.",
            "Give the model as --net JSON, --spec FILE (a net or a record",
            "with \"net\") or --space NAME --seed S. Defaults are the paper's recipe: SGD",
            "momentum 0.9 Nesterov, lr 0.1 with a cosine per epoch, weight decay 5e-4,",
            "batch 128, 100 epochs; --recipe enhanced is the paper's enhanced DARTS setup.",
            "Progress goes to stderr; without --out the record goes to stdout."})
final class TrainCommand implements Runnable {
    @Spec CommandSpec spec;

    @Option(names = "--net", paramLabel = "JSON", description = "The net as JSON text.")
    String net;

    @Option(names = "--spec", paramLabel = "FILE", description = "A file with a net or an NDS record.")
    Path specFile;

    @Option(names = "--space", paramLabel = "NAME|FILE", description = "Train the model `ndsw sample NAME -n 1 --seed S` draws.")
    String space;

    @Option(names = "--seed", paramLabel = "S", description = "Sampling seed, with --space.")
    Long seed;

    @Option(names = "--data", required = true, paramLabel = "DIR", description = "CIFAR-10 directory, or ImageNet-style folders train/<class>/ and val/<class>/.")
    Path data;

    @Option(names = "--epochs", description = "Epochs (the cosine spans them). Default: 100, 600 with --recipe"
            + " enhanced.")
    Integer epochs;

    @Mixin SetupOptions setup;

    @Option(names = "--batch", defaultValue = "128", description = "Training batch size. Default: ${DEFAULT-VALUE}.")
    int batch;

    @Option(names = "--test-batch", defaultValue = "200", description = "Test batch size. Default: ${DEFAULT-VALUE}.")
    int testBatch;

    @Option(names = "--lr", defaultValue = "0.1", description = "Base learning rate. Default: ${DEFAULT-VALUE}.")
    double lr;

    @Option(names = "--wd", defaultValue = "5e-4", description = "Weight decay. Default: ${DEFAULT-VALUE}.")
    double wd;

    @Option(names = "--momentum", defaultValue = "0.9", description = "SGD momentum. Default: ${DEFAULT-VALUE}.")
    double momentum;

    @Option(names = "--no-nesterov", description = "Plain momentum instead of Nesterov.")
    boolean noNesterov;

    @Option(names = "--diverge-loss", defaultValue = "" + Recipe.DEFAULT_DIVERGE_LOSS,
            description = "A batch loss above this ends the run as diverged. Default: ${DEFAULT-VALUE}.")
    double divergeLoss;

    @Option(names = "--train-subset", defaultValue = "0", paramLabel = "N", description = "Train on N images (stratified).")
    int trainSubset;

    @Option(names = "--test-subset", defaultValue = "0", paramLabel = "N", description = "Test on N images (stratified).")
    int testSubset;

    @Option(names = "--subset-seed", defaultValue = "0", description = "Seed of the subsets. Default: ${DEFAULT-VALUE}.")
    long subsetSeed;

    @Mixin ImageOptions image;

    @Option(names = "--train-seed", defaultValue = "1", description = "Training seed. Default: ${DEFAULT-VALUE}.")
    long trainSeed;

    @Option(names = "--init-seed", description = "Override the weight-initialization seed.")
    Long initSeed;

    @Option(names = "--order-seed", description = "Override the data-order seed.")
    Long orderSeed;

    @Option(names = "--augment-seed", description = "Override the augmentation seed.")
    Long augmentSeed;

    @Option(names = "--engine", defaultValue = TrainingEngines.DEFAULT, description = "Engine. Default: ${DEFAULT-VALUE}.")
    String engine;

    @Option(names = "--device", defaultValue = "cpu", description = "cpu or gpu. Default: ${DEFAULT-VALUE}.")
    String device;

    @Option(names = "--threads", description = "Compute threads. Default: the number of processors.")
    Integer threads;

    @Option(names = "--out", paramLabel = "RESULT.json", description = "Write the record here.")
    Path out;

    @Option(names = "--checkpoint-dir", paramLabel = "DIR", description = "Keep a checkpoint here after every epoch.")
    Path checkpointDir;

    @Option(names = "--resume", description = "Continue from the checkpoint in --checkpoint-dir.")
    boolean resume;

    @Option(names = "--quiet", description = "No progress bar (epoch lines only).")
    boolean quiet;

    @Override
    public void run() {
        ModelSource asked = model();
        RecipeOptions setupOptions = setup.options(epochs);
        Recipe recipe = setupOptions.recipe(new Recipe(Recipe.NDS_CIFAR.epochs(), batch, testBatch, lr, momentum,
                !noNesterov, wd, divergeLoss), asked.spec());
        ModelSource trained = new ModelSource(setupOptions.net(asked.spec(), recipe), asked.space());
        TrainService.Request request = new TrainService.Request(trained, data, trainSubset, testSubset, subsetSeed,
                recipe, trainSeed, seeds(), engine, options(), out, checkpointDir, resume, image.recipe());
        PrintWriter err = spec.commandLine().getErr();
        ConsoleProgress bar = new ConsoleProgress(err, System.console() != null && !quiet, quiet ? 1e9 : 30);
        TrainingResult r = TrainService.run(request, bar,
                e -> bar.println(TrainingProgress.summary(e, request.recipe().epochs())));
        bar.println(summary(r));
        if (out == null) {
            PrintWriter o = spec.commandLine().getOut();
            o.println(Json.pretty(ResultJson.toJson(r)));
            o.flush();
        }
    }

    private ModelSource model() {
        int given = (net != null ? 1 : 0) + (specFile != null ? 1 : 0) + (space != null ? 1 : 0);
        if (given != 1) {
            throw new NdswException("give the model exactly one way: --net JSON, --spec FILE or --space NAME --seed S");
        }
        if ((space != null) != (seed != null)) {
            throw new NdswException("--space and --seed go together");
        }
        if (net != null) {
            return ModelSource.ofJson(net, "--net");
        }
        return specFile != null ? ModelSource.ofFile(specFile) : ModelSource.ofSpace(space, seed);
    }

    private Seeds seeds() {
        Seeds s = Seeds.of(trainSeed);
        return new Seeds(initSeed != null ? initSeed : s.init(), orderSeed != null ? orderSeed : s.order(),
                augmentSeed != null ? augmentSeed : s.augment());
    }

    private EngineOptions options() {
        int t = threads != null ? threads : Runtime.getRuntime().availableProcessors();
        return new EngineOptions(Device.parse(device), t);
    }

    private String summary(TrainingResult r) {
        String where = out == null ? "" : "; record written to " + out;
        String best = r.minTestTop1().isPresent()
                ? String.format(Locale.ROOT, "best test error %.2f%%, final %.2f%%", r.minTestTop1().getAsDouble(),
                        r.finalTestTop1().getAsDouble()) : "no finished epoch";
        String speed = r.trainImagesPerSecond().isPresent()
                ? String.format(Locale.ROOT, ", %.0f img/s", r.trainImagesPerSecond().getAsDouble()) : "";
        String diverged = r.divergence() == null ? "" : String.format(Locale.ROOT, " in epoch %d, batch %d (loss %s)",
                r.divergence().epoch(), r.divergence().batch(), r.divergence().loss());
        return String.format(Locale.ROOT, "%s%s: %s%s, %.0f s%s", r.status().jsonName(), diverged, best, speed,
                r.wallSeconds(), where);
    }
}
