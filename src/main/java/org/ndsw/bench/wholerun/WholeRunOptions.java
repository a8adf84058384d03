package org.ndsw.bench.wholerun;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.ndsw.NdswException;
import org.ndsw.space.ModelSpec;

/**
 * How to run the whole-run benchmark: the `ndsw train` arguments both sides share, the engines and rounds.
 *
 * @param label the network's name in reports, e.g. "ResNet-20"
 * @param net the network both sides train
 * @param data a CIFAR-10 directory (binary files or image folders)
 * @param trainSubset training images (stratified, as `ndsw train --train-subset`; 0 for all)
 * @param testSubset test images evaluated after every epoch (0 for all)
 * @param subsetSeed seed of both subsets
 * @param epochs epochs of each run (the cosine spans them)
 * @param batch training batch size
 * @param threads compute threads of every side
 * @param rounds rounds; each runs every side once, the order rotating from round to round
 * @param engines our engines, each run as `ndsw train --engine NAME`
 * @param python the interpreter with torch
 * @param script bench/train_pytorch.py
 * @param checkpoints every side writes a checkpoint after every epoch (`ndsw train --checkpoint-dir`)
 * @param keep a directory keeping every round's records and logs, or null for a temporary one
 */
public record WholeRunOptions(String label, ModelSpec net, Path data, int trainSubset, int testSubset, long subsetSeed,
        int epochs, int batch, int threads, int rounds, List<String> engines, Path python, Path script,
        boolean checkpoints, Path keep) {
    /** Validates every value, naming the option at fault. */
    public WholeRunOptions {
        engines = List.copyOf(engines);
        positive("--epochs", epochs);
        positive("--batch", batch);
        positive("--threads", threads);
        positive("--rounds", rounds);
        if (trainSubset < 0 || testSubset < 0) {
            throw new NdswException(String.format(Locale.ROOT, "--train-subset and --test-subset must be 0 (all) or"
                    + " positive, got %d and %d", trainSubset, testSubset));
        }
        if (engines.isEmpty()) {
            throw new NdswException("the whole-run benchmark needs at least one engine");
        }
        if (!Files.isDirectory(data)) {
            throw new NdswException(data + ": no such directory (--data: a CIFAR-10 directory)");
        }
        if (!Files.isRegularFile(script)) {
            throw new NdswException(script + ": no such file (the PyTorch reference script; run from the repository"
                    + " root or pass --script)");
        }
    }

    private static void positive(String option, int value) {
        if (value < 1) {
            throw new NdswException(String.format(Locale.ROOT, "%s must be at least 1, got %d", option, value));
        }
    }

    /** The sides of a round in their first-round order: our engines, then the reference. */
    List<String> sides() {
        return Stream.concat(engines.stream(), Stream.of(WholeRunBenchmark.PYTORCH)).toList();
    }
}
