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
 * <p>The whole pass (order, crops, flips) is drawn up front from the given random streams, so the batches do not
 * depend on thread timing. A failure on the background thread is rethrown by {@link #next()}.
 */
public final class BatchLoader implements AutoCloseable {
    /** Batches prepared ahead. */
    private static final int AHEAD = 3;

    private final ImageSet set;
    private final int batchSize;
    private final int[] order;
    private final byte[] crops;
    private final int batches;
    private final BlockingQueue<Object> queue = new ArrayBlockingQueue<>(AHEAD);
    private final Thread worker;
    private int taken;

    private BatchLoader(ImageSet set, int batchSize, int[] order, byte[] crops, int batches) {
        this.set = set;
        this.batchSize = batchSize;
        this.order = order;
        this.crops = crops;
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
        return new BatchLoader(set, batchSize, perm, crops, set.size() / batchSize);
    }

    /** One evaluation pass: images in order, no augmentation, the last batch possibly smaller. */
    public static BatchLoader evaluation(ImageSet set, int batchSize) {
        int[] order = java.util.stream.IntStream.range(0, set.size()).toArray();
        return new BatchLoader(set, batchSize, order, null, (set.size() + batchSize - 1) / batchSize);
    }

    /** Number of batches in the pass. */
    public int batches() {
        return batches;
    }

    /** True while batches remain. */
    public boolean hasNext() {
        return taken < batches;
    }

    /** The next batch, waiting for the background thread if needed. */
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
        }
        return new Batch(images, labels);
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
