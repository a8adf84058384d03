package org.ndsw.train.data;

import java.util.NoSuchElementException;
import java.util.SplittableRandom;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import org.ndsw.NdswException;
import org.ndsw.train.Batch;

/**
 * Batches of one pass over an image set, prepared on a background thread a few batches ahead of the engine.
 *
 * <p>The whole pass (order, crops, flips, cutout centres) is drawn up front from the given random streams, and the
 * drop-path masks from a stream split off the augmentation stream after that, drawn batch after batch by the one
 * background thread, so the batches do not depend on thread timing. A failure on the background thread is rethrown by
 * {@link #next()}.
 */
public final class BatchLoader implements BatchStream {
    /** Batches prepared ahead. */
    private static final int AHEAD = 3;

    private final ImageSet set;
    private final int batchSize;
    private final int[] order;
    private final byte[] crops;
    private final byte[] cutouts;
    private final Extras extras;
    private final SplittableRandom masks;
    private final int batches;
    private final BlockingQueue<Object> queue = new ArrayBlockingQueue<>(AHEAD);
    private final Thread worker;
    private int taken;

    /**
     * What a training pass adds to the paper's augmentation (the enhanced setup, paper §5.4).
     *
     * @param cutout side of the square DARTS' Cutout zeroes per image, 0 for none
     * @param maskSlots drop-path nodes of the network (one mask per node and image)
     * @param dropProb this epoch's drop-path probability; 0 for no masks
     */
    public record Extras(int cutout, int maskSlots, double dropProb) {
        /** Nothing beyond the paper's recipe. */
        public static final Extras NONE = new Extras(0, 0, 0);

        boolean masks() {
            return maskSlots > 0 && dropProb > 0;
        }
    }

    private BatchLoader(ImageSet set, int batchSize, int[] order, byte[] crops, byte[] cutouts, Extras extras,
            SplittableRandom masks, int batches) {
        this.set = set;
        this.batchSize = batchSize;
        this.order = order;
        this.crops = crops;
        this.cutouts = cutouts;
        this.extras = extras;
        this.masks = masks;
        this.batches = batches;
        worker = new Thread(this::produce, "ndsw-batches");
        worker.setDaemon(true);
        worker.start();
    }

    /**
     * One training epoch: a seeded shuffle, random crop and flip per image, full batches only (the last incomplete
     * batch is dropped, as pycls does).
     */
    public static BatchLoader training(ImageSet set, int batchSize, SplittableRandom order, SplittableRandom augment) {
        return training(set, batchSize, order, augment, Extras.NONE);
    }

    /**
     * One training epoch with the extras of the enhanced setup: after the crops and flips, one cutout centre (y, x)
     * per image drawn uniformly from the image's pixels, then the drop-path masks from a stream split off the
     * augmentation stream. Without extras the crops and flips are those of {@link #training(ImageSet, int,
     * SplittableRandom, SplittableRandom)}; with them the crops and flips are still the same.
     */
    public static BatchLoader training(ImageSet set, int batchSize, SplittableRandom order, SplittableRandom augment,
            Extras extras) {
        if (batchSize > set.size()) {
            throw new NdswException("batch size " + batchSize + " exceeds the " + set.size() + " training images");
        }
        int[] perm = permutation(set.size(), order);
        byte[] crops = new byte[3 * set.size()];
        for (int i = 0; i < set.size(); i++) {
            crops[3 * i] = (byte) augment.nextInt(2 * Augment.PAD + 1);
            crops[3 * i + 1] = (byte) augment.nextInt(2 * Augment.PAD + 1);
            crops[3 * i + 2] = (byte) (augment.nextBoolean() ? 1 : 0);
        }
        byte[] cutouts = null;
        if (extras.cutout() > 0) {
            cutouts = new byte[2 * set.size()];
            for (int i = 0; i < set.size(); i++) {
                cutouts[2 * i] = (byte) augment.nextInt(set.height());
                cutouts[2 * i + 1] = (byte) augment.nextInt(set.width());
            }
        }
        SplittableRandom masks = extras.masks() ? augment.split() : null;
        return new BatchLoader(set, batchSize, perm, crops, cutouts, extras, masks, set.size() / batchSize);
    }

    /** One evaluation pass: images in order, no augmentation, the last batch possibly smaller. */
    public static BatchLoader evaluation(ImageSet set, int batchSize) {
        int[] order = java.util.stream.IntStream.range(0, set.size()).toArray();
        return new BatchLoader(set, batchSize, order, null, null, Extras.NONE, null,
                (set.size() + batchSize - 1) / batchSize);
    }

    /** Number of batches in the pass. */
    @Override
    public int batches() {
        return batches;
    }

    /** True while batches remain. */
    @Override
    public boolean hasNext() {
        return taken < batches;
    }

    /** The next batch, waiting for the background thread if needed. */
    @Override
    public Batch next() {
        if (!hasNext()) {
            throw new NoSuchElementException("all " + batches + " batches taken");
        }
        Object item;
        try {
            item = queue.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new NdswException("interrupted while waiting for a batch", e);
        }
        if (item instanceof RuntimeException e) {
            throw e;
        }
        taken++;
        return (Batch) item;
    }

    @Override
    public void close() {
        worker.interrupt();
    }

    private void produce() {
        try {
            for (int b = 0; b < batches; b++) {
                queue.put(build(b));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            fail(e);
        } catch (Error e) {
            fail(new IllegalStateException("preparing a batch failed: " + e, e));
        }
    }

    /** Hands a failure to the consumer in place of the remaining batches. */
    private void fail(RuntimeException e) {
        queue.clear();
        queue.offer(e);
    }

    private Batch build(int b) {
        int start = b * batchSize;
        int n = Math.min(batchSize, order.length - start);
        int size = set.imageBytes();
        float[] images = new float[n * size];
        int[] labels = new int[n];
        for (int k = 0; k < n; k++) {
            int i = order[start + k];
            labels[k] = set.labels()[i];
            if (crops == null) {
                Augment.plain(set, i, images, k * size);
            } else {
                Augment.crop(set, i, crops[3 * i], crops[3 * i + 1], crops[3 * i + 2] == 1, images, k * size);
            }
            if (cutouts != null) {
                Augment.cutout(images, k * size, set.channels(), set.height(), set.width(), cutouts[2 * i],
                        cutouts[2 * i + 1], extras.cutout());
            }
        }
        float[] m = masks == null ? null : org.ndsw.train.DropPathMasks.draw(extras.maskSlots(), n, extras.dropProb(),
                masks);
        return new Batch(images, labels, m);
    }

    private static int[] permutation(int n, SplittableRandom rng) {
        int[] p = java.util.stream.IntStream.range(0, n).toArray();
        for (int i = n - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
        return p;
    }
}
