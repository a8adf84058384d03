package org.ndsw.app.sweep;

import java.util.regex.Pattern;
import org.ndsw.Domains;
import org.ndsw.NdswException;
import org.ndsw.Quote;
import org.ndsw.complexity.Convention;
import org.ndsw.complexity.Window;
import org.ndsw.train.Device;
import org.ndsw.train.Recipe;
import org.ndsw.train.data.ImageRecipe;

/**
 * Everything that defines a sweep: which models (space, count, seed, complexity window), how each is trained (recipe,
 * data, engine, device) and with how many seeds. The same definition samples the same models on every machine.
 *
 * @param space a built-in space name or a design space file
 * @param n number of distinct models sampled
 * @param seed sampling seed
 * @param window params and flops bounds of the sampled models, under `convention`
 * @param data the CIFAR-10 directory (binary files or image folders)
 * @param trainSubset training images kept (stratified), 0 for all
 * @param testSubset test images kept (stratified), 0 for all
 * @param subsetSeed seed of the subsets (shared by all runs, so every model sees the same images)
 * @param engine training engine name
 * @param device where every run of the sweep trains (GPU: CUDA device 0 of the worker, which
 *     `sweep run --gpus` maps to a GPU of its own through CUDA_VISIBLE_DEVICES)
 * @param seedsPerModel runs per model, with training seeds 1..seedsPerModel
 * @param image --im-size, --test-im-size and --pca-std for ImageNet-style folders, or null (CIFAR-10 data, or the
 *     defaults 224, 256 and 0)
 * @param sampled the training hyperparameters drawn per model ({@link SampledOptim#NONE}: the recipe's for all)
 */
public record SweepDefinition(String name, String space, int n, long seed, Window window, Convention convention,
        Recipe recipe, String data, int trainSubset, int testSubset, long subsetSeed, String engine, Device device,
        int seedsPerModel, ImageRecipe image, SampledOptim sampled) {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    /** Validates each field, naming it. */
    public SweepDefinition {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new NdswException("sweep name must be 1-64 letters, digits, '.', '_' or '-' (starting with a letter"
                    + " or digit), got " + Quote.of(name));
        }
        Domains.MODELS.check(n, "the number of models n");
        if (trainSubset < 0 || testSubset < 0) {
            throw new NdswException("subsets must be 0 (all) or positive, got " + trainSubset + " and " + testSubset);
        }
        Domains.MODELS.check(seedsPerModel, "seeds per model");
        Domains.MODELS.checkLong((long) n * seedsPerModel, "the number of runs (models x seeds per model)");
        if (space == null || data == null || engine == null || device == null || recipe == null || window == null
                || convention == null) {
            throw new NdswException("a sweep needs a space, data, engine, device, recipe, window and convention");
        }
        sampled = sampled == null ? SampledOptim.NONE : sampled;
    }

    /** A definition without image options whose runs all train with the recipe's lr and wd. */
    public SweepDefinition(String name, String space, int n, long seed, Window window, Convention convention,
            Recipe recipe, String data, int trainSubset, int testSubset, long subsetSeed, String engine, Device device,
            int seedsPerModel) {
        this(name, space, n, seed, window, convention, recipe, data, trainSubset, testSubset, subsetSeed, engine,
                device, seedsPerModel, null, SampledOptim.NONE);
    }

    /** The same definition under another name (everything else, sampled lr and wd included, kept). */
    public SweepDefinition withName(String newName) {
        return new SweepDefinition(newName, space, n, seed, window, convention, recipe, data, trainSubset, testSubset,
                subsetSeed, engine, device, seedsPerModel, image, sampled);
    }

    /** The same definition with lr and wd sampled per model. */
    public SweepDefinition withSampled(SampledOptim s) {
        return new SweepDefinition(name, space, n, seed, window, convention, recipe, data, trainSubset, testSubset,
                subsetSeed, engine, device, seedsPerModel, image, s);
    }

    /**
     * The recipe run `seq` trains with: the sweep's recipe with its model's sampled lr and wd (the model is
     * seq / seedsPerModel, so all seeds of a model share them).
     */
    public Recipe recipeOf(int seq) {
        if (seq < 0 || seq >= runs()) {
            throw new NdswException("sweep " + name + " has runs 0.." + (runs() - 1) + ", got run " + seq);
        }
        return sampled.recipe(recipe, seed, seq / seedsPerModel);
    }

    /** The same definition with ImageNet-style image options (null: none). */
    public SweepDefinition withImage(ImageRecipe newImage) {
        return new SweepDefinition(name, space, n, seed, window, convention, recipe, data, trainSubset, testSubset,
                subsetSeed, engine, device, seedsPerModel, newImage, sampled);
    }

    /** The number of runs: models times seeds. */
    public int runs() {
        return n * seedsPerModel;
    }
}
