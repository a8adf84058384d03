package org.ndsw.app.train;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.ndsw.NdswException;
import org.ndsw.app.ProgressSink;
import org.ndsw.train.DataSummary;
import org.ndsw.train.EngineOptions;
import org.ndsw.train.EpochRecord;
import org.ndsw.train.Recipe;
import org.ndsw.train.ResultJson;
import org.ndsw.train.Preload;
import org.ndsw.train.Seeds;
import org.ndsw.train.Status;
import org.ndsw.train.TrainingEngine;
import org.ndsw.train.TrainingEngines;
import org.ndsw.train.TrainingJob;
import org.ndsw.train.TrainingResult;
import org.ndsw.train.TrainingService;
import org.ndsw.train.data.Cifar10;
import org.ndsw.train.data.FolderData;
import org.ndsw.train.data.ImageNetFolders;
import org.ndsw.train.data.ImageRecipe;

/** Trains one model on CIFAR-10 and writes its record: the use case behind `ndsw train`. */
public final class TrainService {
    private static final ObjectMapper PRETTY = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private TrainService() {}

    /**
     * What to train and how.
     *
     * @param model the network
     * @param data the CIFAR-10 directory (binary files or image folders)
     * @param trainSubset training images to keep (stratified), 0 for all
     * @param testSubset test images to keep (stratified), 0 for all
     * @param subsetSeed seed of the subsets (independent of the training seed, so models share a subset)
     * @param recipe optimizer and schedule
     * @param seed the training seed
     * @param seeds init, order and augmentation seeds (derived from `seed` unless overridden)
     * @param engine engine name
     * @param options device and threads
     * @param out where to write the result JSON, or null
     * @param checkpointDir where to keep a checkpoint, or null
     * @param resume continue from the checkpoint
     * @param image --im-size, --test-im-size and --pca-std for ImageNet-style folders, or null (CIFAR-10 data, or
     *     the defaults 224, 256 and 0)
     */
    public record Request(ModelSource model, Path data, int trainSubset, int testSubset, long subsetSeed,
            Recipe recipe, long seed, Seeds seeds, String engine, EngineOptions options, Path out,
            Path checkpointDir, boolean resume, ImageRecipe image) {
        /** A request without image options. */
        public Request(ModelSource model, Path data, int trainSubset, int testSubset, long subsetSeed,
                Recipe recipe, long seed, Seeds seeds, String engine, EngineOptions options, Path out,
                Path checkpointDir, boolean resume) {
            this(model, data, trainSubset, testSubset, subsetSeed, recipe, seed, seeds, engine, options, out,
                    checkpointDir, resume, null);
        }
    }

    /** Reads the data, trains, writes the result if asked, and rethrows a failure after writing. */
    public static TrainingResult run(Request r, ProgressSink progress, Consumer<EpochRecord> epochs) {
        TrainingEngine engine = TrainingEngines.find(r.engine());
        Preload preload = Preload.start(engine, r.options());
        progress.update("reading " + r.data(), 0);
        TrainingJob job;
        if (ImageNetFolders.isImageNetLayout(r.data())) {
            ImageRecipe image = r.image() != null ? r.image() : ImageRecipe.of(ImageRecipe.PYCLS_IM_SIZE);
            FolderData data = ImageNetFolders.read(r.data(), r.trainSubset(), r.testSubset(), r.subsetSeed(), image);
            preload.await();
            job = new TrainingJob(r.model().spec(), r.model().space(), null, summary(data, r), r.recipe(), r.seed(),
                    r.seeds(), r.options(), r.checkpointDir(), r.resume(), data);
        } else {
            if (r.image() != null) {
                throw new NdswException("--im-size, --test-im-size and --pca-std apply to ImageNet-style folders"
                        + " (train/<class>/ and val/<class>/), and " + r.data() + " is CIFAR-10 data");
            }
            Cifar10 data = Cifar10.load(r.data(), r.trainSubset(), r.testSubset(), r.subsetSeed());
            preload.await();
            DataSummary summary = new DataSummary(data.name(), data.format(), r.data().toString(),
                    data.train().size(), data.test().size(), r.trainSubset(), r.testSubset());
            job = new TrainingJob(r.model().spec(), r.model().space(), data, summary, r.recipe(), r.seed(),
                    r.seeds(), r.options(), r.checkpointDir(), r.resume());
        }
        TrainingResult result = new TrainingService(engine).run(job, new TrainingProgress(progress, epochs));
        if (r.out() != null) {
            write(result, r.out());
        }
        if (result.status() == Status.FAILED) {
            throw result.failure();
        }
        return result;
    }

    /** How a result describes image-folder data: the recipe's sizes are part of the name. */
    static DataSummary summary(FolderData data, Request r) {
        return new DataSummary(FolderData.NAME + ": " + data.classes().size() + " classes, " + data.recipe(),
                FolderData.FORMAT, r.data().toString(), data.train().size(), data.val().size(), r.trainSubset(),
                r.testSubset());
    }

    /** Writes a result as an indented JSON document. */
    public static void write(TrainingResult result, Path out) {
        try {
            Path parent = out.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            PRETTY.writeValue(out.toFile(), ResultJson.toJson(result));
        } catch (IOException e) {
            throw new NdswException(out + ": cannot write the result: " + e.getMessage(), e);
        }
    }
}
