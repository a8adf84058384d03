package org.ndsw.train;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.SplittableRandom;
import javax.imageio.ImageIO;
import org.ndsw.train.data.Cifar10;
import org.ndsw.train.data.CifarBinary;
import org.ndsw.train.data.ImageSet;

/** Small generated CIFAR-10 data sets for tests, in both on-disk formats. */
public final class TinyCifar {
    private TinyCifar() {}

    /** n seeded random 32x32 images, labels cycling through the 10 classes. */
    public static ImageSet images(int n, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        byte[] pixels = new byte[n * 3 * 32 * 32];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = (byte) rng.nextInt(256);
        }
        int[] labels = new int[n];
        Arrays.setAll(labels, i -> i % 10);
        return new ImageSet(pixels, labels, 3, 32, 32, Cifar10.CLASS_NAMES);
    }

    /** Writes a binary-format directory: data_batch_1.bin (and _2 if trainFiles is 2) and test_batch.bin. */
    public static Path binary(Path dir, int train, int test, int trainFiles) {
        try {
            Files.createDirectories(dir);
            for (int f = 1; f <= trainFiles; f++) {
                CifarBinary.write(images(train / trainFiles, f), dir.resolve(CifarBinary.trainFile(f)));
            }
            CifarBinary.write(images(test, 99), dir.resolve(CifarBinary.TEST_FILE));
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes image folders train/<class>/NNNN.png and test/<class>/NNNN.png from seeded random images. */
    public static Path pngFolders(Path dir, int train, int test) {
        writeSplit(dir.resolve("train"), images(train, 1), "png");
        writeSplit(dir.resolve("test"), images(test, 99), "png");
        return dir;
    }

    /** Writes one split of image folders in the given ImageIO format ("png" or "jpg"). */
    public static void writeSplit(Path split, ImageSet set, String format) {
        try {
            for (int i = 0; i < set.size(); i++) {
                Path classDir = split.resolve(set.classes().get(set.labels()[i]));
                Files.createDirectories(classDir);
                ImageIO.write(toImage(set, i), format, classDir.resolve(String.format("%04d.%s", i, format)).toFile());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Image i of a set as an RGB BufferedImage. */
    public static BufferedImage toImage(ImageSet set, int i) {
        BufferedImage img = new BufferedImage(32, 32, BufferedImage.TYPE_INT_RGB);
        int base = i * set.imageBytes();
        for (int y = 0; y < 32; y++) {
            for (int x = 0; x < 32; x++) {
                int p = y * 32 + x;
                int r = set.pixels()[base + p] & 0xff;
                int g = set.pixels()[base + 1024 + p] & 0xff;
                int b = set.pixels()[base + 2048 + p] & 0xff;
                img.setRGB(x, y, r << 16 | g << 8 | b);
            }
        }
        return img;
    }
}
