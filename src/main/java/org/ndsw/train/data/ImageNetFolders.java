package org.ndsw.train.data;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.ndsw.NdswException;

/**
 * Lists ImageNet-style image folders: {@code train/<class>/*} and {@code val/<class>/*}, PNG or JPEG (.JPEG too), any
 * size, any number of classes (at least 2). Class folders are sorted by name and label = position, as pycls maps its
 * class ids; both splits must have the same class folders. A directory is ImageNet-style when it has {@code val/} and
 * no {@code test/} (CIFAR-10 image folders have {@code test/}).
 */
public final class ImageNetFolders {
    private ImageNetFolders() {}

    /** True if dir holds train/ and val/ and no test/. */
    public static boolean isImageNetLayout(Path dir) {
        return Files.isDirectory(dir.resolve("train")) && Files.isDirectory(dir.resolve("val"))
                && !Files.exists(dir.resolve("test"));
    }

    /**
     * Lists both splits and keeps stratified subsets (0 keeps a split whole), with the recipe's sizes.
     *
     * @param trainSize training images to keep, 0 for all
     * @param valSize validation images to keep, 0 for all
     * @param seed the subset seed
     */
    public static FolderData read(Path dir, int trainSize, int valSize, long seed, ImageRecipe recipe) {
        List<String> classes = classes(dir.resolve("train"));
        List<String> valClasses = classes(dir.resolve("val"));
        if (!classes.equals(valClasses)) {
            throw new NdswException(dir + ": train/ has class folders " + cut(classes) + " but val/ has "
                    + cut(valClasses));
        }
        List<Path> train = ImageFolders.files(dir.resolve("train"), classes);
        List<Path> val = ImageFolders.files(dir.resolve("val"), classes);
        int[] trainLabels = ImageFolders.labels(train, classes);
        int[] valLabels = ImageFolders.labels(val, classes);
        int[] ti = subset(trainLabels, classes.size(), trainSize, seed, "--train-subset");
        int[] vi = subset(valLabels, classes.size(), valSize, seed, "--test-subset");
        return new FolderData(pick(train, ti), pickLabels(trainLabels, ti), pick(val, vi), pickLabels(valLabels, vi),
                classes, dir, recipe);
    }

    /** Decodes one image into a picture (RGB, [0, 1]). */
    public static Picture decode(Path f) {
        BufferedImage img;
        try {
            img = ImageIO.read(f.toFile());
        } catch (IOException e) {
            throw new NdswException(f + ": not a readable PNG or JPEG image: " + e.getMessage(), e);
        }
        if (img == null) {
            throw new NdswException(f + ": not a readable PNG or JPEG image");
        }
        int h = img.getHeight();
        int w = img.getWidth();
        if (h > ImageRecipe.MAX_SIDE || w > ImageRecipe.MAX_SIDE) {
            throw new NdswException(String.format(Locale.ROOT, "%s: image is %dx%d, larger than %d pixels a side", f,
                    w, h, ImageRecipe.MAX_SIDE));
        }
        int plane = h * w;
        int[] argb = img.getRGB(0, 0, w, h, null, 0, w);
        float[] d = new float[3 * plane];
        for (int p = 0; p < plane; p++) {
            d[p] = ((argb[p] >> 16) & 0xff) / 255f;
            d[plane + p] = ((argb[p] >> 8) & 0xff) / 255f;
            d[2 * plane + p] = (argb[p] & 0xff) / 255f;
        }
        return new Picture(d, h, w);
    }

    private static List<String> classes(Path split) {
        List<String> names = ImageFolders.classFolders(split,
                "ImageNet-style folders need train/<class>/ and val/<class>/");
        if (names.size() < 2) {
            throw new NdswException(split + ": expected at least 2 class folders, found " + names.size());
        }
        return names;
    }

    private static int[] subset(int[] labels, int classes, int n, long seed, String option) {
        return n == 0 ? java.util.stream.IntStream.range(0, labels.length).toArray()
                : Subsets.indices(labels, classes, n, seed, option);
    }

    private static List<Path> pick(List<Path> files, int[] idx) {
        return Arrays.stream(idx).mapToObj(files::get).toList();
    }

    private static int[] pickLabels(int[] labels, int[] idx) {
        return Arrays.stream(idx).map(i -> labels[i]).toArray();
    }

    private static String cut(List<String> names) {
        String s = names.toString();
        return s.length() <= 200 ? s : s.substring(0, 197) + "...";
    }
}
