package org.ndsw.train.data;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import javax.imageio.ImageIO;

/**
 * Writes a small ImageNet-style tree for tests: {@code train/<class>/*.JPEG} and {@code val/<class>/*.JPEG}, classes
 * n0, n1, n2, each image 40 high and 48 wide, class c a noisy image whose dominant colour channel is c.
 */
public final class TinyImageNet {
    /** Image height. */
    public static final int HEIGHT = 40;
    /** Image width. */
    public static final int WIDTH = 48;
    /** Number of classes. */
    public static final int CLASSES = 3;

    private TinyImageNet() {}

    /** Writes the tree into dir with this many images per class and split; returns dir. */
    public static Path write(Path dir, int trainPerClass, int valPerClass, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        try {
            for (String split : new String[] {"train", "val"}) {
                int n = split.equals("train") ? trainPerClass : valPerClass;
                for (int c = 0; c < CLASSES; c++) {
                    Path folder = Files.createDirectories(dir.resolve(split).resolve("n0" + c));
                    for (int i = 0; i < n; i++) {
                        ImageIO.write(image(c, rng), "jpg", folder.resolve(String.format("im%03d.JPEG", i)).toFile());
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return dir;
    }

    private static BufferedImage image(int cls, SplittableRandom rng) {
        BufferedImage img = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < HEIGHT; y++) {
            for (int x = 0; x < WIDTH; x++) {
                int[] rgb = new int[3];
                for (int ch = 0; ch < 3; ch++) {
                    rgb[ch] = (ch == cls ? 150 : 40) + rng.nextInt(100);
                }
                img.setRGB(x, y, (rgb[0] << 16) | (rgb[1] << 8) | rgb[2]);
            }
        }
        return img;
    }
}
