package org.ndsw.train.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.ndsw.NdswException;

/**
 * CIFAR-10 as the trainer reads it: a training and a test set of 32x32 RGB images in 10 classes, from either the
 * official binary files or image folders.
 *
 * @param train training images
 * @param test test images
 * @param name how results name the data: "CIFAR-10", or "CIFAR-10 (JPEG copy)" for lossy image folders
 * @param format "cifar-10-binary" or "image-folders"
 * @param path the directory read
 */
public record Cifar10(ImageSet train, ImageSet test, String name, String format, Path path) {
    /** Image side in pixels. */
    public static final int SIDE = 32;
    /** Number of classes. */
    public static final int CLASSES = 10;
    /** Class names of the official release (batches.meta.txt), index = label. */
    public static final List<String> CLASS_NAMES = List.of("airplane", "automobile", "bird", "cat", "deer", "dog",
            "frog", "horse", "ship", "truck");

    /**
     * Reads a data directory: the official binary files ({@code data_batch_N.bin} and {@code test_batch.bin}, here or
     * in a {@code cifar-10-batches-bin} subdirectory) or image folders ({@code train/<class>/*}, {@code test/<class>/*}).
     */
    public static Cifar10 load(Path dir) {
        return load(dir, 0, 0, 0);
    }

    /**
     * Reads a data directory as {@link #load(Path)} does and keeps stratified subsets of the given sizes (0 keeps a set
     * whole), exactly as {@link #subsets} would. Image folders decode only the chosen images.
     */
    public static Cifar10 load(Path dir, int trainSize, int testSize, long seed) {
        if (!Files.isDirectory(dir)) {
            throw new NdswException(dir + ": no such directory");
        }
        Path binary = Files.isDirectory(dir.resolve(CifarBinary.FOLDER)) ? dir.resolve(CifarBinary.FOLDER) : dir;
        if (Files.exists(binary.resolve(CifarBinary.TEST_FILE)) || Files.exists(binary.resolve(CifarBinary.trainFile(1)))) {
            return CifarBinary.read(binary).subsets(trainSize, testSize, seed);
        }
        if (Files.isDirectory(dir.resolve("train")) || Files.isDirectory(dir.resolve("test"))) {
            return ImageFolders.read(dir, trainSize, testSize, seed);
        }
        throw new NdswException(dir + ": not a CIFAR-10 directory: expected the binary files (data_batch_1.bin ..."
                + " test_batch.bin, possibly in cifar-10-batches-bin/) or image folders train/<class>/ and test/<class>/");
    }

    /** The same data with stratified subsets (0 keeps a set whole). */
    public Cifar10 subsets(int trainSize, int testSize, long seed) {
        ImageSet tr = trainSize == 0 ? train : Subsets.stratified(train, trainSize, seed, "--train-subset");
        ImageSet te = testSize == 0 ? test : Subsets.stratified(test, testSize, seed, "--test-subset");
        return new Cifar10(tr, te, name, format, path);
    }
}
