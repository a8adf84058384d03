package org.ndsw.ui.analysis;

import java.nio.file.Path;
import org.ndsw.app.sweep.SweepDefinition;
import org.ndsw.complexity.Convention;
import org.ndsw.complexity.Window;
import org.ndsw.train.Device;
import org.ndsw.train.Recipe;
import org.ndsw.train.TrainingEngines;

/**
 * The sweep of a child space: the parent sweep's recipe, window, data subsets, engine and device when the parent set
 * is a catalogue sweep created by {@code ndsw sweep create}; else the paper's recipe on the user's data. The user
 * confirms n, epochs and data.
 *
 * @param name the sweep name
 * @param n models sampled from the child
 * @param epochs epochs per run
 * @param batch the training batch size (the test batch is at most this); the paper's is 128, which a small data
 *     subset may not hold
 * @param data the CIFAR-10 folder
 */
public record ChildSweep(String name, int n, int epochs, int batch, String data) {
    /** The definition of the child's sweep; `parent` is the parent sweep's definition, or null. */
    public SweepDefinition definition(Path childFile, SweepDefinition parent) {
        if (parent == null) {
            return new SweepDefinition(name, childFile.toString(), n, 1, Window.NONE, Convention.NDS,
                    recipe(Recipe.NDS_CIFAR), data, 0, 0, 0, TrainingEngines.DEFAULT, Device.CPU, 1);
        }
        return new SweepDefinition(name, childFile.toString(), n, parent.seed(), parent.window(),
                parent.convention(), recipe(parent.recipe()), data, parent.trainSubset(),
                parent.testSubset(), parent.subsetSeed(), parent.engine(), parent.device(), parent.seedsPerModel());
    }

    private Recipe recipe(Recipe base) {
        Recipe r = base.withEpochs(epochs);
        return batch == r.batchSize() ? r : r.withBatchSizes(batch, Math.min(batch, r.testBatchSize()));
    }

    /** The suggested sweep name of a child space: its name with characters a sweep name refuses replaced. */
    public static String suggestName(String childName) {
        String s = childName.replaceAll("[^A-Za-z0-9._-]", "-").replaceAll("^[^A-Za-z0-9]+", "");
        return (s.isEmpty() ? "child" : s.length() > 58 ? s.substring(0, 58) : s) + "-sweep";
    }
}
