package org.ndsw.app.train;

import java.util.Locale;
import java.util.function.Consumer;
import org.ndsw.app.ProgressSink;
import org.ndsw.train.EpochRecord;
import org.ndsw.train.Progress;
import org.ndsw.train.TrainingListener;

/**
 * Shows a run's progress on a {@link ProgressSink}: epoch, batch, loss, error, images per second and time left.
 *
 * <p>The fraction counts training and test batches alike; the estimate of time left extrapolates from the time spent.
 */
public final class TrainingProgress implements TrainingListener {
    private final ProgressSink sink;
    private final Consumer<EpochRecord> epochs;
    private final long start = System.nanoTime();
    private double startFraction = -1;

    /** Reports batches to a sink and hands every finished epoch to `epochs`. */
    public TrainingProgress(ProgressSink sink, Consumer<EpochRecord> epochs) {
        this.sink = sink;
        this.epochs = epochs;
    }

    @Override
    public void onProgress(Progress p) {
        double fraction = fraction(p);
        if (startFraction < 0) {
            startFraction = fraction;
        }
        String phase = p.phase() == Progress.Phase.TRAIN ? "batch" : "test";
        sink.update(String.format(Locale.ROOT, "epoch %d/%d %s %d/%d loss %.3f err %.1f%% %.0f img/s ETA %s",
                p.epoch(), p.epochs(), phase, p.batch(), p.batches(), p.loss(), p.top1(), p.imagesPerSecond(),
                eta(fraction)), fraction);
    }

    @Override
    public void onEpoch(EpochRecord r) {
        epochs.accept(r);
    }

    /** A one-line summary of a finished epoch. */
    public static String summary(EpochRecord r, int epochs) {
        return String.format(Locale.ROOT, "epoch %d/%d: lr %.4f, train loss %.3f err %.2f%%, test loss %.3f err %.2f%%,"
                + " %.0f img/s, %.0f s", r.epoch(), epochs, r.lr(), r.trainLoss(), r.trainTop1(), r.testLoss(),
                r.testTop1(), r.trainImagesPerSecond(), r.seconds());
    }

    @Override
    public boolean isCancelled() {
        return sink.isCancelled();
    }

    /** Fraction of the run done, test batches weighted like training batches of the same epoch. */
    static double fraction(Progress p) {
        double within = p.phase() == Progress.Phase.TRAIN ? 0.9 * p.batch() / p.batches()
                : 0.9 + 0.1 * p.batch() / p.batches();
        return (p.epoch() - 1 + within) / p.epochs();
    }

    private String eta(double fraction) {
        double done = fraction - startFraction;
        if (done <= 0) {
            return "?";
        }
        long seconds = Math.round((System.nanoTime() - start) / 1e9 * (1 - fraction) / done);
        return seconds >= 3600 ? String.format(Locale.ROOT, "%dh%02dm", seconds / 3600, seconds / 60 % 60)
                : String.format(Locale.ROOT, "%dm%02ds", seconds / 60, seconds % 60);
    }
}
