package org.ndsw.bench.wholerun;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.ndsw.NdswException;
import org.ndsw.app.ProgressSink;
import org.ndsw.bench.TrainBenchmark;

/**
 * Whole training runs of ours against the PyTorch reference: each round runs `ndsw train` (one child JVM per engine)
 * and bench/train_pytorch.py once each, on the same images with the same recipe, the order rotating from round to
 * round so machine noise hits all alike. Unlike `bench train`'s step loop, this times everything a user waits for:
 * start-up, reading and decoding the data, training, evaluation after every epoch, checkpoints and exit.
 */
public final class WholeRunBenchmark {
    /** The reference side's name. */
    public static final String PYTORCH = "pytorch";

    private WholeRunBenchmark() {}

    /**
     * Runs the rounds, handing each to `finished` as soon as it is measured.
     *
     * @throws NdswException if a side fails or the two sides disagree on the network or the images
     */
    public static WholeRunResult run(WholeRunOptions o, ProgressSink progress, Consumer<List<SideRun>> finished) {
        CpuInfo cpu = CpuInfo.current();
        Path root = o.keep() != null ? directory(o.keep()) : temporary();
        List<String> sides = o.sides();
        List<List<SideRun>> rounds = new ArrayList<>();
        try {
            for (int r = 0; r < o.rounds(); r++) {
                List<SideRun> round = new ArrayList<>();
                for (int k = 0; k < sides.size(); k++) {
                    String side = sides.get((r + k) % sides.size());
                    progress.update(String.format(Locale.ROOT, "round %d/%d: %s", r + 1, o.rounds(), side),
                            (r * sides.size() + k) / (double) (o.rounds() * sides.size()));
                    Path dir = directory(root.resolve(String.format(Locale.ROOT, "round-%d-%s", r + 1, side)));
                    round.add(side.equals(PYTORCH) ? PyTorchSide.run(o, dir, k + 1, progress)
                            : NdswTrainSide.run(side, o, cpu, dir, k + 1, progress));
                }
                round.sort(Comparator.comparing(s -> sides.indexOf(s.side())));
                checkSameWork(round);
                rounds.add(List.copyOf(round));
                finished.accept(rounds.get(r));
            }
        } finally {
            if (o.keep() == null) {
                org.ndsw.bench.TrainBenchmark.deleteTree(root);
            }
        }
        return new WholeRunResult(o, cpu, rounds);
    }

    /** Both sides must train the same network on as many images, else the comparison means nothing. */
    private static void checkSameWork(List<SideRun> round) {
        SideRun a = round.get(0);
        for (SideRun b : round.subList(1, round.size())) {
            if (a.params() != b.params() || a.trainImagesPerEpoch() != b.trainImagesPerEpoch()
                    || a.testImages() != b.testImages() || a.epochs() != b.epochs()) {
                throw new NdswException(String.format(Locale.ROOT, "%s and %s did not do the same work: %d and %d"
                        + " parameters, %d and %d training images per epoch, %d and %d test images, %d and %d epochs",
                        a.side(), b.side(), a.params(), b.params(), a.trainImagesPerEpoch(), b.trainImagesPerEpoch(),
                        a.testImages(), b.testImages(), a.epochs(), b.epochs()));
            }
        }
    }

    private static Path directory(Path dir) {
        try {
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new NdswException(dir + ": cannot create: " + e.getMessage(), e);
        }
    }

    private static Path temporary() {
        try {
            return Files.createTempDirectory("ndsw-whole-run");
        } catch (IOException e) {
            throw new NdswException("cannot create a temporary directory: " + e.getMessage(), e);
        }
    }
}
