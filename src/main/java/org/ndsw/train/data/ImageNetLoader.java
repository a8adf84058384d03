package org.ndsw.train.data;

import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.ndsw.NdswException;
import org.ndsw.train.Batch;

/**
 * Batches of one pass over {@link FolderData} with pycls's ImageNet recipe ({@link ImageNetTransforms}).
 *
 * <p>Deterministic: the pass's order is a seeded shuffle drawn up front, and each image gets its own random stream,
 * split off the augmentation stream in image order before the pass starts; a batch decodes and transforms its images
 * in parallel, each with its own stream, so the batches do not depend on thread timing.
 */
public final class ImageNetLoader implements BatchStream {
    private final List<Path> files;
    private final int[] labels;
    private final int[] order;
    private final long[] seeds;
    private final ImageRecipe recipe;
    private final int batchSize;
    private final int batches;
    private int taken;

    private ImageNetLoader(List<Path> files, int[] labels, int[] order, long[] seeds, ImageRecipe recipe,
            int batchSize, int batches) {
        this.files = files;
        this.labels = labels;
        this.order = order;
        this.seeds = seeds;
        this.recipe = recipe;
        this.batchSize = batchSize;
        this.batches = batches;
    }

    /** One training epoch: seeded shuffle, the training transform, full batches only (as pycls drops the last). */
    public static ImageNetLoader training(FolderData data, int batchSize, SplittableRandom order,
            SplittableRandom augment) {
        int n = data.train().size();
        if (batchSize > n) {
            throw new NdswException("batch size " + batchSize + " exceeds the " + n + " training images");
        }
        int[] perm = IntStream.range(0, n).toArray();
        for (int i = n - 1; i > 0; i--) {
            int j = order.nextInt(i + 1);
            int t = perm[i];
            perm[i] = perm[j];
            perm[j] = t;
        }
        long[] seeds = new long[n];
        for (int i = 0; i < n; i++) {
            seeds[i] = augment.nextLong();
        }
        return new ImageNetLoader(data.train(), data.trainLabels(), perm, seeds, data.recipe(), batchSize,
                n / batchSize);
    }

    /** One evaluation pass over the validation images in order, the test transform, the last batch possibly smaller. */
    public static ImageNetLoader evaluation(FolderData data, int batchSize) {
        int n = data.val().size();
        return new ImageNetLoader(data.val(), data.valLabels(), IntStream.range(0, n).toArray(), null, data.recipe(),
                batchSize, (n + batchSize - 1) / batchSize);
    }

    @Override
    public int batches() {
        return batches;
    }

    @Override
    public boolean hasNext() {
        return taken < batches;
    }

    @Override
    public Batch next() {
        if (!hasNext()) {
            throw new java.util.NoSuchElementException("all " + batches + " batches taken");
        }
        int start = taken * batchSize;
        int n = Math.min(batchSize, order.length - start);
        int size = 3 * recipe.imSize() * recipe.imSize();
        float[] images = new float[n * size];
        int[] out = new int[n];
        IntStream.range(0, n).parallel().forEach(k -> {
            int i = order[start + k];
            out[k] = labels[i];
            ImageNetTransforms.normalize(transform(i), images, k * size);
        });
        taken++;
        return new Batch(images, out, null);
    }

    /** Image i (an index into the files) after the pass's transform. */
    Picture transform(int i) {
        Picture im = ImageNetFolders.decode(files.get(i));
        if (seeds == null) {
            return ImageNetTransforms.scaleAndCenterCrop(im, recipe.testImSize(), recipe.imSize());
        }
        return ImageNetTransforms.train(im, recipe.imSize(), recipe.pcaStd(), new SplittableRandom(seeds[i]));
    }

    @Override
    public void close() {
        // nothing is held open between batches
    }
}
