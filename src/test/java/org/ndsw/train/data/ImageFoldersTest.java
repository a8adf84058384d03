package org.ndsw.train.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ndsw.NdswException;
import org.ndsw.train.TinyCifar;

class ImageFoldersTest {
    @TempDir Path dir;

    @Test
    void pngFoldersDecodeToTheExactPixelsWithClassFolderLabels() {
        TinyCifar.pngFolders(dir, 40, 20);
        Cifar10 data = Cifar10.load(dir);
        assertEquals("image-folders", data.format());
        assertEquals("CIFAR-10 (PNG copy)", data.name());
        assertEquals(40, data.train().size());
        assertEquals(20, data.test().size());
        assertEquals(java.util.List.of("airplane", "automobile", "bird", "cat", "deer", "dog", "frog", "horse", "ship",
                "truck"), data.train().classes());
        ImageSet written = TinyCifar.images(40, 1);
        // Files are read class by class; image i of class c was the (c + 10k)-th image written.
        for (int k = 0; k < 40; k++) {
            int c = data.train().labels()[k];
            int original = c + 10 * (k % 4);
            assertEquals(written.labels()[original], c);
            assertArrayEquals(slice(written, original), slice(data.train(), k), "image " + k);
        }
    }

    @Test
    void jpegFoldersAreNamedAsALossyCopy() {
        TinyCifar.writeSplit(dir.resolve("train"), TinyCifar.images(20, 1), "jpg");
        TinyCifar.writeSplit(dir.resolve("test"), TinyCifar.images(10, 2), "jpg");
        assertEquals("CIFAR-10 (JPEG copy)", Cifar10.load(dir).name());
    }

    @Test
    void wrongImageSizeNamesTheFile() throws IOException {
        TinyCifar.pngFolders(dir, 20, 10);
        Path bad = dir.resolve("test/cat/0003.png");
        ImageIO.write(new BufferedImage(28, 28, BufferedImage.TYPE_INT_RGB), "png", bad.toFile());
        assertEquals(bad + ": image is 28x28, expected 32x32",
                assertThrows(NdswException.class, () -> Cifar10.load(dir)).getMessage());
    }

    @Test
    void unreadableAndUnexpectedFilesAreErrors() throws IOException {
        TinyCifar.pngFolders(dir, 20, 10);
        Path broken = dir.resolve("train/dog/9999.png");
        Files.writeString(broken, "not an image");
        assertTrue(assertThrows(NdswException.class, () -> Cifar10.load(dir)).getMessage()
                .startsWith(broken + ": not a readable PNG or JPEG image"));
        Files.delete(broken);
        Path notes = dir.resolve("train/dog/notes.txt");
        Files.writeString(notes, "hello");
        assertEquals(notes + ": unexpected file (class folders hold only .png, .jpg or .jpeg images)",
                assertThrows(NdswException.class, () -> Cifar10.load(dir)).getMessage());
        Files.delete(notes);
        Files.writeString(dir.resolve("train/dog/.DS_Store"), "ignored");
        assertEquals(20, Cifar10.load(dir).train().size());
    }

    @Test
    void classFoldersMustBeTenAndAgree() throws IOException {
        TinyCifar.pngFolders(dir, 20, 10);
        Files.move(dir.resolve("test/truck"), dir.resolve("test/lorry"));
        assertTrue(assertThrows(NdswException.class, () -> Cifar10.load(dir)).getMessage()
                .contains("but test/ has"));
        Files.createDirectories(dir.resolve("train/zebra"));
        assertEquals(dir.resolve("train") + ": expected 10 class folders, found 11: [airplane, automobile, bird, cat,"
                + " deer, dog, frog, horse, ship, truck, zebra]",
                assertThrows(NdswException.class, () -> Cifar10.load(dir)).getMessage());
    }

    @Test
    void emptyClassFolderIsAnError() throws IOException {
        TinyCifar.pngFolders(dir, 20, 10);
        for (Path p : Files.list(dir.resolve("test/cat")).toList()) {
            Files.delete(p);
        }
        assertEquals(dir.resolve("test/cat") + ": no images",
                assertThrows(NdswException.class, () -> Cifar10.load(dir)).getMessage());
    }

    @Test
    void subsetsDecodeOnlyTheChosenImagesAndEqualDecodingAllThenSelecting() throws IOException {
        TinyCifar.pngFolders(dir, 60, 30);
        Cifar10 all = Cifar10.load(dir);
        Cifar10 expected = all.subsets(17, 11, 5);
        Cifar10 actual = Cifar10.load(dir, 17, 11, 5);
        assertArrayEquals(expected.train().labels(), actual.train().labels());
        assertArrayEquals(expected.train().pixels(), actual.train().pixels());
        assertArrayEquals(expected.test().labels(), actual.test().labels());
        assertArrayEquals(expected.test().pixels(), actual.test().pixels());
        assertEquals(all.name(), actual.name());
        // A broken file the subset does not choose is never decoded; the whole set still reads it.
        Path unchosen = null;
        for (Path f : Files.list(dir.resolve("train/cat")).sorted().toList()) {
            Files.copy(f, dir.resolve("copy.png"));
            Files.writeString(f, "not an image");
            try {
                Cifar10.load(dir, 17, 11, 5);
                unchosen = f;
                break;
            } catch (NdswException e) {
                Files.move(dir.resolve("copy.png"), f, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        }
        assertTrue(unchosen != null, "some cat image is outside the subset");
        assertTrue(assertThrows(NdswException.class, () -> Cifar10.load(dir)).getMessage()
                .startsWith(unchosen + ": not a readable PNG or JPEG image"));
    }

    @Test
    void aSubsetLargerThanTheSplitNamesTheOption() {
        TinyCifar.pngFolders(dir, 20, 10);
        assertEquals("--test-subset must be between 1 and the 10 images of the set, got 11",
                assertThrows(NdswException.class, () -> Cifar10.load(dir, 5, 11, 1)).getMessage());
    }

    private static byte[] slice(ImageSet s, int i) {
        return java.util.Arrays.copyOfRange(s.pixels(), i * s.imageBytes(), (i + 1) * s.imageBytes());
    }
}
