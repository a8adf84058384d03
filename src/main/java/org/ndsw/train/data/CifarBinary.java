package org.ndsw.train.data;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.ndsw.NdswException;

/**
 * Reads the official CIFAR-10 binary version ({@code cifar-10-batches-bin}): records of one label byte and 3,072 pixel
 * bytes (1,024 red, then green, then blue, rows top to bottom).
 *
 * <p>Training files are {@code data_batch_1.bin} to {@code data_batch_N.bin} without gaps (the release has N = 5 of
 * 10,000 records each); the test file is {@code test_batch.bin}. Class names come from {@code batches.meta.txt} when
 * present.
 */
public final class CifarBinary {
    /** The folder name of the official archive. */
    public static final String FOLDER = "cifar-10-batches-bin";
    /** The test file. */
    public static final String TEST_FILE = "test_batch.bin";
    /** The class-name file. */
    public static final String META_FILE = "batches.meta.txt";
    /** Bytes of one record: label + 3·32·32 pixels. */
    public static final int RECORD = 1 + 3 * Cifar10.SIDE * Cifar10.SIDE;

    private CifarBinary() {}

    /** The name of training file i (1-based). */
    public static String trainFile(int i) {
        return "data_batch_" + i + ".bin";
    }

    /** Reads every training file and the test file of a directory. */
    public static Cifar10 read(Path dir) {
        List<String> classes = classNames(dir);
        List<Path> trainFiles = trainFiles(dir);
        Path test = dir.resolve(TEST_FILE);
        if (!Files.isRegularFile(test)) {
            throw new NdswException(test + ": missing (the CIFAR-10 binary test file)");
        }
        return new Cifar10(readAll(trainFiles, classes), readAll(List.of(test), classes), "CIFAR-10",
                "cifar-10-binary", dir);
    }

    /** Reads records from files in order into one set. */
    static ImageSet readAll(List<Path> files, List<String> classes) {
        List<byte[]> contents = new ArrayList<>();
        long total = 0;
        for (Path f : files) {
            byte[] b = readFile(f);
            if (b.length == 0 || b.length % RECORD != 0) {
                throw new NdswException(String.format(Locale.ROOT,
                        "%s: %,d bytes is not a whole number of %,d-byte CIFAR-10 records", f, b.length, RECORD));
            }
            contents.add(b);
            total += b.length / RECORD;
        }
        int n = Math.toIntExact(total);
        byte[] pixels = new byte[n * (RECORD - 1)];
        int[] labels = new int[n];
        int i = 0;
        for (int k = 0; k < files.size(); k++) {
            byte[] b = contents.get(k);
            for (int r = 0; r < b.length / RECORD; r++, i++) {
                int label = b[r * RECORD] & 0xff;
                if (label >= classes.size()) {
                    throw new NdswException(String.format(Locale.ROOT, "%s: record %d has label %d, expected 0-%d",
                            files.get(k), r, label, classes.size() - 1));
                }
                labels[i] = label;
                System.arraycopy(b, r * RECORD + 1, pixels, i * (RECORD - 1), RECORD - 1);
            }
        }
        return new ImageSet(pixels, labels, 3, Cifar10.SIDE, Cifar10.SIDE, classes);
    }

    /** Writes a set as one binary file of records (label byte, then R, G, B planes). */
    public static void write(ImageSet set, Path file) {
        if (set.channels() != 3 || set.height() != Cifar10.SIDE || set.width() != Cifar10.SIDE) {
            throw new IllegalArgumentException("CIFAR-10 records hold 3x32x32 images");
        }
        byte[] out = new byte[set.size() * RECORD];
        for (int i = 0; i < set.size(); i++) {
            out[i * RECORD] = (byte) set.labels()[i];
            System.arraycopy(set.pixels(), i * (RECORD - 1), out, i * RECORD + 1, RECORD - 1);
        }
        try {
            Files.write(file, out);
        } catch (IOException e) {
            throw new NdswException(file + ": cannot write: " + e.getMessage(), e);
        }
    }

    private static List<Path> trainFiles(Path dir) {
        List<Path> files = new ArrayList<>();
        for (int i = 1; Files.isRegularFile(dir.resolve(trainFile(i))); i++) {
            files.add(dir.resolve(trainFile(i)));
        }
        if (files.isEmpty()) {
            throw new NdswException(dir.resolve(trainFile(1)) + ": missing (the first CIFAR-10 binary training file)");
        }
        Path gap = dir.resolve(trainFile(files.size() + 2));
        if (Files.exists(gap)) {
            throw new NdswException(dir.resolve(trainFile(files.size() + 1)) + ": missing, but " + gap.getFileName()
                    + " exists: training files must be numbered from 1 without gaps");
        }
        return files;
    }

    private static List<String> classNames(Path dir) {
        Path meta = dir.resolve(META_FILE);
        if (!Files.isRegularFile(meta)) {
            return Cifar10.CLASS_NAMES;
        }
        try {
            List<String> names = Files.readAllLines(meta, StandardCharsets.UTF_8).stream().map(String::strip)
                    .filter(s -> !s.isEmpty()).toList();
            if (names.size() != Cifar10.CLASSES) {
                throw new NdswException(meta + ": expected " + Cifar10.CLASSES + " class names, got " + names.size());
            }
            return names;
        } catch (IOException e) {
            throw new NdswException(meta + ": cannot read: " + e.getMessage(), e);
        }
    }

    private static byte[] readFile(Path f) {
        try {
            return Files.readAllBytes(f);
        } catch (IOException e) {
            throw new NdswException(f + ": cannot read: " + e.getMessage(), e);
        }
    }
}
