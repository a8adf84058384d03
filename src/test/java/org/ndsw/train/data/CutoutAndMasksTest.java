package org.ndsw.train.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.ndsw.train.Batch;
import org.ndsw.train.DropPathMasks;
import org.ndsw.train.TinyCifar;

/** DARTS' Cutout and the drop-path masks of the enhanced setup (paper §5.4): geometry, seeding, resumability. */
class CutoutAndMasksTest {
    private static final int PLANE = 1024;

    @Test
    void cutoutZeroesTheSquareCentredAtThePixelInEveryChannel() {
        assertSquare(16, 16, 16, 8, 24, 8, 24);
    }

    @Test
    void cutoutIsClippedAtTheBorders() {
        assertSquare(0, 0, 16, 0, 8, 0, 8);
        assertSquare(31, 5, 16, 23, 32, 0, 13);
        assertSquare(31, 31, 16, 23, 32, 23, 32);
    }

    @Test
    void cutoutOfOddLengthZeroesLengthMinusOneRowsAsDartsDoes() {
        assertSquare(10, 10, 5, 8, 12, 8, 12);
    }

    /** Cutout(length) at (cy, cx) on an image of ones zeroes rows [y1, y2) and columns [x1, x2), nothing else. */
    private static void assertSquare(int cy, int cx, int length, int y1, int y2, int x1, int x2) {
        float[] img = new float[2 + 3 * PLANE];
        Arrays.fill(img, 1f);
        Augment.cutout(img, 1, 3, 32, 32, cy, cx, length);
        assertEquals(1f, img[0]);
        assertEquals(1f, img[img.length - 1]);
        for (int c = 0; c < 3; c++) {
            for (int y = 0; y < 32; y++) {
                for (int x = 0; x < 32; x++) {
                    boolean inside = y >= y1 && y < y2 && x >= x1 && x < x2;
                    assertEquals(inside ? 0f : 1f, img[1 + c * PLANE + y * 32 + x], "c" + c + " y" + y + " x" + x);
                }
            }
        }
    }

    @Test
    void cutoutKeepsTheCropsAndFlipsAndZeroesOneSquarePerImage() {
        ImageSet set = TinyCifar.images(40, 3);
        List<Batch> plain = drain(BatchLoader.training(set, 8, new SplittableRandom(1), new SplittableRandom(2)));
        List<Batch> cut = drain(BatchLoader.training(set, 8, new SplittableRandom(1), new SplittableRandom(2),
                new BatchLoader.Extras(16, 0, 0)));
        for (int b = 0; b < plain.size(); b++) {
            assertArrayEquals(plain.get(b).labels(), cut.get(b).labels());
            for (int i = 0; i < 8; i++) {
                int changed = 0;
                int minY = 32;
                int maxY = -1;
                for (int c = 0; c < 3; c++) {
                    for (int p = 0; p < PLANE; p++) {
                        int k = (i * 3 + c) * PLANE + p;
                        if (plain.get(b).images()[k] != cut.get(b).images()[k]) {
                            assertEquals(0f, cut.get(b).images()[k]);
                            changed++;
                            minY = Math.min(minY, p / 32);
                            maxY = Math.max(maxY, p / 32);
                        }
                    }
                }
                assertTrue(changed > 0 && changed <= 3 * 16 * 16, "image " + i + ": " + changed + " values zeroed");
                assertTrue(maxY - minY < 16, "rows " + minY + ".." + maxY);
            }
        }
    }

    @Test
    void cutoutCentresCoverTheWholeImageUniformly() {
        ImageSet set = TinyCifar.images(2000, 4);
        int[] rows = new int[32];
        try (BatchLoader loader = BatchLoader.training(set, 2000, new SplittableRandom(5), new SplittableRandom(6),
                new BatchLoader.Extras(2, 0, 0))) {
            float[] x = loader.next().images();
            float[] y = drain(BatchLoader.training(set, 2000, new SplittableRandom(5), new SplittableRandom(6)))
                    .get(0).images();
            for (int i = 0; i < 2000; i++) {
                for (int p = 0; p < PLANE; p++) {
                    int k = i * 3 * PLANE + p;
                    if (x[k] != y[k]) {
                        rows[p / 32]++;
                        break;
                    }
                }
            }
        }
        // a 2x2 cutout at (cy, cx) first changes row cy - 1 (row 0 for cy = 0 and 1): every row is hit
        for (int r = 0; r < 31; r++) {
            assertTrue(rows[r] > 20, "row " + r + " starts " + rows[r] + " of 2000 cutouts");
        }
    }

    @Test
    void masksAreZeroOrOneOverKeepAndKeepTheExpectedShare() {
        float[] m = DropPathMasks.draw(50, 200, 0.2, new SplittableRandom(1));
        assertEquals(10_000, m.length);
        int kept = 0;
        for (float v : m) {
            assertTrue(v == 0f || v == (float) (1 / 0.8), "factor " + v);
            kept += v > 0 ? 1 : 0;
        }
        assertEquals(0.8, kept / 10_000.0, 0.02);
        assertNull(DropPathMasks.draw(50, 200, 0, new SplittableRandom(1)));
        assertNull(DropPathMasks.draw(0, 200, 0.2, new SplittableRandom(1)));
    }

    @Test
    void masksArriveWithTrainingBatchesOnlyWhenThereIsSomethingToDrop() {
        ImageSet set = TinyCifar.images(32, 5);
        List<Batch> masked = drain(BatchLoader.training(set, 8, new SplittableRandom(1), new SplittableRandom(2),
                new BatchLoader.Extras(0, 6, 0.3)));
        masked.forEach(b -> assertEquals(6, b.maskSlots()));
        assertNotEquals(Arrays.toString(masked.get(0).masks()), Arrays.toString(masked.get(1).masks()));
        drain(BatchLoader.training(set, 8, new SplittableRandom(1), new SplittableRandom(2),
                new BatchLoader.Extras(0, 6, 0))).forEach(b -> assertNull(b.masks()));
        drain(BatchLoader.evaluation(set, 8)).forEach(b -> assertNull(b.masks()));
        Batch b = masked.get(0);
        assertEquals(b.masks()[3 * 8 + 5], b.mask(3, 5));
        assertEquals(1f, new Batch(b.images(), b.labels()).mask(3, 5));
    }

    @Test
    void sameSeedsGiveTheSameCutoutsAndMasksAndTheCropsOfThePlainRecipe() {
        ImageSet set = TinyCifar.images(48, 6);
        BatchLoader.Extras extras = new BatchLoader.Extras(16, 4, 0.2);
        List<Batch> a = drain(BatchLoader.training(set, 16, new SplittableRandom(1), new SplittableRandom(2), extras));
        List<Batch> b = drain(BatchLoader.training(set, 16, new SplittableRandom(1), new SplittableRandom(2), extras));
        List<Batch> c = drain(BatchLoader.training(set, 16, new SplittableRandom(1), new SplittableRandom(3), extras));
        for (int i = 0; i < a.size(); i++) {
            assertArrayEquals(a.get(i).images(), b.get(i).images());
            assertArrayEquals(a.get(i).masks(), b.get(i).masks());
        }
        assertTrue(!Arrays.equals(a.get(0).masks(), c.get(0).masks()), "another augmentation seed, other masks");
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
