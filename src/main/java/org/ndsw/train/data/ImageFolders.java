package org.ndsw.train.data;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.ndsw.NdswException;

/**
 * Reads CIFAR-10 stored as image folders: {@code train/<class>/*} and {@code test/<class>/*}, PNG or JPEG, 32x32.
 *
 * <p>Class folders are sorted by name and label = position (the binary release's order when the folders carry its
 * class names). Both splits must have the same 10 class folders. Hidden files are ignored; any other file that is
 * not a .png, .jpg or .jpeg is an error. Images are decoded in parallel, in a fixed order. With subset sizes, the
 * stratified subsets are chosen from the file listing (labels are the folders) and only their files are decoded: the
 * result equals decoding everything and then taking {@link Subsets#stratified}, at a fraction of the start-up time.
 */
public final class ImageFolders {
    private ImageFolders() {}

    /** Reads both splits of a directory. */
    public static Cifar10 read(Path dir) {
        return read(dir, 0, 0, 0);
    }

    /**
     * Reads stratified subsets of both splits, decoding only the chosen images.
     *
     * @param trainSize training images to keep, 0 for all
     * @param testSize test images to keep, 0 for all
     * @param seed the subset seed
     */
    public static Cifar10 read(Path dir, int trainSize, int testSize, long seed) {
        List<String> classes = classes(dir.resolve("train"));
        List<String> testClasses = classes(dir.resolve("test"));
        if (!classes.equals(testClasses)) {
            throw new NdswException(dir + ": train/ has class folders " + classes + " but test/ has " + testClasses);
        }
        List<Path> train = files(dir.resolve("train"), classes);
        List<Path> test = files(dir.resolve("test"), classes);
        boolean lossy = java.util.stream.Stream.concat(train.stream(), test.stream())
                .anyMatch(f -> !f.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".png"));
        return new Cifar10(decode(subset(train, classes, trainSize, seed, "--train-subset"), classes),
                decode(subset(test, classes, testSize, seed, "--test-subset"), classes),
                lossy ? "CIFAR-10 (JPEG copy)" : "CIFAR-10 (PNG copy)", "image-folders", dir);
    }

    private static List<String> classes(Path split) {
        List<String> names = classFolders(split, "image folders need train/<class>/ and test/<class>/");
        if (names.size() != Cifar10.CLASSES) {
            throw new NdswException(String.format(Locale.ROOT, "%s: expected %d class folders, found %d: %s", split,
                    Cifar10.CLASSES, names.size(), names));
        }
        return names;
    }

    /**
     * The class folders of a split, sorted by name (hidden ones left out); `layout` says what the folders should look
     * like when the split is missing.
     */
    static List<String> classFolders(Path split, String layout) {
        if (!Files.isDirectory(split)) {
            throw new NdswException(split + ": missing (" + layout + ")");
        }
        try (Stream<Path> s = Files.list(split)) {
            return s.filter(Files::isDirectory).map(p -> p.getFileName().toString())
                    .filter(n -> !n.startsWith(".")).sorted().toList();
        } catch (IOException e) {
            throw new NdswException(split + ": cannot list: " + e.getMessage(), e);
        }
    }

    /** The image files of a split, class after class. */
    static List<Path> files(Path split, List<String> classes) {
        List<Path> files = new ArrayList<>();
        for (String c : classes) {
            files.addAll(images(split.resolve(c)));
        }
        return files;
    }

    /** The files of a stratified subset of n (0: all), in listing order. */
    private static List<Path> subset(List<Path> files, List<String> classes, int n, long seed, String option) {
        if (n == 0) {
            return files;
        }
        int[] idx = Subsets.indices(labels(files, classes), classes.size(), n, seed, option);
        return java.util.Arrays.stream(idx).mapToObj(files::get).toList();
    }

    /** Each file's label: the position of its class folder in `classes`. */
    static int[] labels(List<Path> files, List<String> classes) {
        return files.stream().mapToInt(f -> classes.indexOf(f.getParent().getFileName().toString())).toArray();
    }

    /** Decodes files (in a class folder each) into a set; label = the class folder's position. */
    private static ImageSet decode(List<Path> files, List<String> classes) {
        int[] labels = labels(files, classes);
        int b = 3 * Cifar10.SIDE * Cifar10.SIDE;
        byte[] pixels = new byte[files.size() * b];
        IntStream.range(0, files.size()).parallel().forEach(i -> decode(files.get(i), pixels, i * b));
        return new ImageSet(pixels, labels, 3, Cifar10.SIDE, Cifar10.SIDE, classes);
    }

    private static List<Path> images(Path classDir) {
        List<Path> files;
        try (Stream<Path> s = Files.list(classDir)) {
            files = s.filter(p -> !p.getFileName().toString().startsWith(".")).sorted().toList();
        } catch (IOException e) {
            throw new NdswException(classDir + ": cannot list: " + e.getMessage(), e);
        }
        for (Path f : files) {
            if (Files.isDirectory(f) || !isImageName(f.getFileName().toString())) {
                throw new NdswException(f + ": unexpected " + (Files.isDirectory(f) ? "folder" : "file")
                        + " (class folders hold only .png, .jpg or .jpeg images)");
            }
        }
        if (files.isEmpty()) {
            throw new NdswException(classDir + ": no images");
        }
        return files;
    }

    static boolean isImageName(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return n.endsWith(".png") || n.endsWith(".jpg") || n.endsWith(".jpeg");
    }

    /** Decodes one image into CHW bytes at `offset`. */
    private static void decode(Path f, byte[] out, int offset) {
        BufferedImage img;
        try {
            img = ImageIO.read(f.toFile());
        } catch (IOException e) {
            throw new NdswException(f + ": not a readable PNG or JPEG image: " + e.getMessage(), e);
        }
        if (img == null) {
            throw new NdswException(f + ": not a readable PNG or JPEG image");
        }
        if (img.getWidth() != Cifar10.SIDE || img.getHeight() != Cifar10.SIDE) {
            throw new NdswException(String.format(Locale.ROOT, "%s: image is %dx%d, expected %dx%d", f, img.getWidth(),
                    img.getHeight(), Cifar10.SIDE, Cifar10.SIDE));
        }
        int plane = Cifar10.SIDE * Cifar10.SIDE;
        int[] argb = img.getRGB(0, 0, Cifar10.SIDE, Cifar10.SIDE, null, 0, Cifar10.SIDE);
        for (int p = 0; p < plane; p++) {
            out[offset + p] = (byte) (argb[p] >> 16);
            out[offset + plane + p] = (byte) (argb[p] >> 8);
            out[offset + 2 * plane + p] = (byte) argb[p];
        }
    }
}
