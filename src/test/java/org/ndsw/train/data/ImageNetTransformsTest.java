package org.ndsw.train.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ndsw.NdswException;
import org.ndsw.train.Batch;

/** pycls's ImageNet transforms against hand-computed cases, and the folder reader and loader on generated JPEGs. */
class ImageNetTransformsTest {
    @TempDir Path dir;

    /** A 3-channel picture whose value at (c, y, x) is 100·c + 10·y + x. */
    private static Picture ramp(int h, int w) {
        float[] d = new float[3 * h * w];
        for (int c = 0; c < 3; c++) {
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    d[(c * h + y) * w + x] = 100 * c + 10 * y + x;
                }
            }
        }
        return new Picture(d, h, w);
    }

    @Test
    void flipMirrorsEveryRow() {
        Picture f = ImageNetTransforms.flip(ramp(2, 3));
        assertArrayEquals(new float[] {2, 1, 0, 12, 11, 10, 102, 101, 100, 112, 111, 110, 202, 201, 200, 212, 211,
            210}, f.data());
    }

    @Test
    void centreCropRoundsTheOffsetUpAndSkipsTheResizeWhenTheShortSideFits() {
        // 4 x 6, short side 4 = scale: no resize; x = ceil((6 - 3) / 2) = 2, y = ceil((4 - 3) / 2) = 1
        Picture p = ImageNetTransforms.scaleAndCenterCrop(ramp(4, 6), 4, 3);
        assertEquals(3, p.height());
        assertEquals(3, p.width());
        assertEquals(12, p.at(0, 0, 0));
        assertEquals(34, p.at(0, 2, 2));
        assertEquals(212, p.at(2, 0, 0));
    }

    @Test
    void scaleTruncatesTheLongSide() {
        // 4 x 6 to short side 3: long side int(6 / 4 * 3) = int(4.5) = 4; crop 3: x = ceil(1 / 2) = 1, y = 0
        Picture big = ramp(4, 6);
        Picture p = ImageNetTransforms.scaleAndCenterCrop(big, 3, 3);
        Picture resized = ImageNetTransforms.resize(big, 3, 4);
        assertEquals(resized.at(1, 0, 1), p.at(1, 0, 0));
        assertEquals(resized.at(1, 2, 3), p.at(1, 2, 2));
    }

    @Test
    void bilinearResizeUsesHalfPixelCentresAndClampsAtTheEdges() {
        Picture two = new Picture(new float[] {0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1}, 2, 2);
        Picture up = ImageNetTransforms.resize(two, 2, 4);
        // source x = (j + 0.5) / 2 - 0.5 = -0.25, 0.25, 0.75, 1.25 -> 0, 0.25, 0.75, 1 after clamping
        assertArrayEquals(new float[] {0, 0.25f, 0.75f, 1, 0, 0.25f, 0.75f, 1}, java.util.Arrays.copyOf(up.data(), 8));
        Picture row = new Picture(new float[] {0, 2, 4, 6, 0, 2, 4, 6, 0, 2, 4, 6}, 1, 4);
        // down: source x = (j + 0.5) * 2 - 0.5 = 0.5, 2.5
        assertArrayEquals(new float[] {1, 5}, java.util.Arrays.copyOf(ImageNetTransforms.resize(row, 1, 2).data(), 2));
    }

    @Test
    void randomSizedCropFallsBackToTheCentreCropWhenNoAttemptFits() {
        // 1 x 100: a crop of at least 8 pixels' area is never 1 row high, so all 10 attempts fail; the fallback is
        // scale to 1 (no resize, the short side is 1) and the centre crop at x = ceil(99 / 2) = 50
        Picture p = ImageNetTransforms.randomSizedCrop(ramp(1, 100), 1, new SplittableRandom(3));
        assertArrayEquals(new float[] {50, 150, 250}, p.data());
    }

    @Test
    void randomSizedCropIsSeededAndGivesTheTrainingSize() {
        Picture a = ImageNetTransforms.train(ramp(40, 48), 32, 0.1, new SplittableRandom(9));
        Picture b = ImageNetTransforms.train(ramp(40, 48), 32, 0.1, new SplittableRandom(9));
        assertEquals(32, a.height());
        assertEquals(32, a.width());
        assertArrayEquals(a.data(), b.data());
    }

    @Test
    void lightingAddsOneConstantPerChannelAndNormalizationUsesPyclsMeanAndStd() {
        Picture p = ImageNetTransforms.lighting(ramp(2, 2), 0.1, new SplittableRandom(1));
        float shift = p.at(0, 0, 0) - 0;
        assertEquals(shift, p.at(0, 1, 1) - 11, 1e-4);
        float[] out = new float[12];
        ImageNetTransforms.normalize(new Picture(new float[] {0.485f, 0.485f, 0.485f, 0.485f, 0.456f, 0.456f, 0.456f,
            0.456f, 0.631f, 0.631f, 0.631f, 0.631f}, 2, 2), out, 0);
        assertEquals(0, out[0], 1e-6);
        assertEquals(0, out[4], 1e-6);
        assertEquals(1, out[8], 1e-5);
    }

    @Test
    void foldersOfAnySizeAreListedAndBatchedDeterministically() {
        TinyImageNet.write(dir, 4, 2, 1);
        assertTrue(ImageNetFolders.isImageNetLayout(dir));
        FolderData data = ImageNetFolders.read(dir, 0, 0, 0, ImageRecipe.of(32));
        assertEquals(java.util.List.of("n00", "n01", "n02"), data.classes());
        assertEquals(12, data.train().size());
        assertArrayEquals(new int[] {0, 0, 1, 1, 2, 2}, data.valLabels());
        assertEquals(37, data.recipe().testImSize());
        Batch a = ImageNetLoader.training(data, 5, new SplittableRandom(1), new SplittableRandom(2)).next();
        Batch b = ImageNetLoader.training(data, 5, new SplittableRandom(1), new SplittableRandom(2)).next();
        assertEquals(5 * 3 * 32 * 32, a.images().length);
        assertArrayEquals(a.images(), b.images());
        assertArrayEquals(a.labels(), b.labels());
        ImageNetLoader eval = ImageNetLoader.evaluation(data, 4);
        assertEquals(2, eval.batches());
        eval.next();
        assertEquals(2, eval.next().labels().length);
        assertFalse(eval.hasNext());
    }

    @Test
    void cifarFoldersAreNotImageNetStyleAndBadSizesNameTheOption() throws Exception {
        Files.createDirectories(dir.resolve("c/train"));
        Files.createDirectories(dir.resolve("c/test"));
        Files.createDirectories(dir.resolve("c/val"));
        assertFalse(ImageNetFolders.isImageNetLayout(dir.resolve("c")));
        NdswException e = assertThrows(NdswException.class, () -> new ImageRecipe(32, 30, 0));
        assertEquals("--test-im-size must be between --im-size (32) and 4096, got 30", e.getMessage());
    }
}
