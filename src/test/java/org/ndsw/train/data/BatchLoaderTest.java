package org.ndsw.train.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.ndsw.NdswException;
import org.ndsw.train.Batch;
import org.ndsw.train.TinyCifar;

class BatchLoaderTest {
    private static final int PLANE = 1024;

    @Test
    void normalizationUsesTheNdsMeanAndStd() {
        assertEquals((0 - 125.3f) / 63.0f, Augment.normalize(0, 0), 1e-6);
        assertEquals((255 - 123.0f) / 62.1f, Augment.normalize(1, 255), 1e-6);
        assertEquals((100 - 113.9f) / 66.7f, Augment.normalize(2, 100), 1e-6);
    }

    @Test
    void centredCropWithoutFlipIsThePlainImage() {
        ImageSet set = TinyCifar.images(2, 5);
        float[] plain = new float[3 * PLANE];
        float[] crop = new float[3 * PLANE];
        Augment.plain(set, 1, plain, 0);
        Augment.crop(set, 1, Augment.PAD, Augment.PAD, false, crop, 0);
        assertArrayEquals(plain, crop);
    }

    @Test
    void cropShiftsAndPadsWithNormalizedZero() {
        ImageSet set = TinyCifar.images(1, 5);
        float[] plain = new float[3 * PLANE];
        float[] crop = new float[3 * PLANE];
        Augment.plain(set, 0, plain, 0);
        Augment.crop(set, 0, 0, 8, false, crop, 0); // window starts 4 rows up and 4 columns right
        for (int c = 0; c < 3; c++) {
            for (int y = 0; y < 32; y++) {
                for (int x = 0; x < 32; x++) {
                    int sy = y - 4;
                    int sx = x + 4;
                    float expected = sy < 0 || sx >= 32 ? 0f : plain[c * PLANE + sy * 32 + sx];
                    assertEquals(expected, crop[c * PLANE + y * 32 + x], "c" + c + " y" + y + " x" + x);
                }
            }
        }
    }

    @Test
    void flipMirrorsEachRow() {
        ImageSet set = TinyCifar.images(1, 6);
        float[] plain = new float[3 * PLANE];
        float[] flipped = new float[3 * PLANE];
        Augment.plain(set, 0, plain, 0);
        Augment.crop(set, 0, Augment.PAD, Augment.PAD, true, flipped, 0);
        for (int y = 0; y < 32; y++) {
            for (int x = 0; x < 32; x++) {
                assertEquals(plain[2 * PLANE + y * 32 + x], flipped[2 * PLANE + y * 32 + 31 - x]);
            }
        }
    }

    @Test
    void trainingPassDropsTheIncompleteBatchAndCoversDistinctImages() {
        ImageSet set = TinyCifar.images(50, 7);
        try (BatchLoader loader = BatchLoader.training(set, 16, new SplittableRandom(1), new SplittableRandom(2))) {
            assertEquals(3, loader.batches());
            List<Batch> batches = drain(loader);
            assertEquals(3, batches.size());
            batches.forEach(b -> assertEquals(16, b.size()));
            assertEquals(16 * 3 * PLANE, batches.get(0).images().length);
            assertFalse(loader.hasNext());
            assertThrows(java.util.NoSuchElementException.class, loader::next);
            int[] perClass = new int[10];
            batches.forEach(b -> Arrays.stream(b.labels()).forEach(l -> perClass[l]++));
            Arrays.stream(perClass).forEach(n -> assertTrue(n <= 5, "no image is drawn twice in a pass"));
        }
    }

    @Test
    void sameSeedsGiveTheSameBatches() {
        ImageSet set = TinyCifar.images(64, 8);
        List<Batch> a = drain(BatchLoader.training(set, 16, new SplittableRandom(1), new SplittableRandom(2)));
        List<Batch> b = drain(BatchLoader.training(set, 16, new SplittableRandom(1), new SplittableRandom(2)));
        List<Batch> c = drain(BatchLoader.training(set, 16, new SplittableRandom(3), new SplittableRandom(2)));
        for (int i = 0; i < a.size(); i++) {
            assertArrayEquals(a.get(i).images(), b.get(i).images());
            assertArrayEquals(a.get(i).labels(), b.get(i).labels());
        }
        assertFalse(Arrays.equals(a.get(0).labels(), c.get(0).labels()) && Arrays.equals(a.get(0).images(),
                c.get(0).images()));
    }

    @Test
    void evaluationKeepsOrderAndTheLastPartialBatch() {
        ImageSet set = TinyCifar.images(25, 9);
        List<Batch> batches = drain(BatchLoader.evaluation(set, 10));
        assertEquals(List.of(10, 10, 5), batches.stream().map(Batch::size).toList());
        float[] first = new float[3 * PLANE];
        Augment.plain(set, 20, first, 0);
        assertArrayEquals(first, Arrays.copyOf(batches.get(2).images(), 3 * PLANE));
        assertEquals(set.labels()[24], batches.get(2).labels()[4]);
    }

    @Test
    void batchLargerThanTheSetIsAnError() {
        ImageSet set = TinyCifar.images(10, 9);
        assertEquals("batch size 16 exceeds the 10 training images", assertThrows(NdswException.class,
                () -> BatchLoader.training(set, 16, new SplittableRandom(1), new SplittableRandom(1))).getMessage());
    }

    private static List<Batch> drain(BatchLoader loader) {
        List<Batch> out = new ArrayList<>();
        try (loader) {
            while (loader.hasNext()) {
                out.add(loader.next());
            }
        }
        return out;
    }
}
