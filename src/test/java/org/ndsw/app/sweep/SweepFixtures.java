package org.ndsw.app.sweep;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.ndsw.complexity.Convention;
import org.ndsw.complexity.Window;
import org.ndsw.train.Recipe;
import org.ndsw.train.TinyCifar;

/** Tiny sweeps for tests: a 64-model space of very small ResNets and generated PNG folders. */
final class SweepFixtures {
    private SweepFixtures() {}

    /** Copies the tiny space file into `dir` and returns its path. */
    static Path tinySpace(Path dir) {
        Path f = dir.resolve("tiny-resnet.json");
        try (InputStream in = SweepFixtures.class.getResourceAsStream("tiny-resnet.json")) {
            Files.createDirectories(dir);
            Files.copy(in, f);
            return f;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Generated image folders: `train` training and `test` test images. */
    static Path data(Path dir, int train, int test) {
        return TinyCifar.pngFolders(dir.resolve("cifar"), train, test);
    }

    /** A definition of n tiny models trained `epochs` epochs with batch 10 on the data. */
    static SweepDefinition definition(String name, Path space, Path data, int n, int epochs) {
        Recipe recipe = Recipe.NDS_CIFAR.withEpochs(epochs).withBatchSizes(10, 25);
        return new SweepDefinition(name, space.toString(), n, 1, Window.NONE, Convention.NDS, recipe, data.toString(),
                0, 0, 0, "djl", org.ndsw.train.Device.CPU, 1);
    }
}
