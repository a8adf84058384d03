package org.ndsw.train.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.ndsw.NdswException;
import org.ndsw.train.TinyCifar;

class SubsetsTest {
    @Test
    void keepsClassProportions() {
        ImageSet set = TinyCifar.images(1000, 3);
        ImageSet sub = Subsets.stratified(set, 250, 1, "--train-subset");
        assertEquals(250, sub.size());
        int[] counts = sub.classCounts();
        Arrays.stream(counts).forEach(c -> assertEquals(25, c));
    }

    @Test
    void unevenClassesGetLargestRemainders() {
        assertArrayEquals(new int[] {3, 2, 2}, Subsets.quotas(new int[] {10, 10, 10}, 7));
        assertArrayEquals(new int[] {6, 1, 0}, Subsets.quotas(new int[] {90, 9, 1}, 7));
        assertArrayEquals(new int[] {0, 2}, Subsets.quotas(new int[] {1, 5}, 2));
    }

    @Test
    void sameSeedSameImagesOtherSeedOtherImages() {
        ImageSet set = TinyCifar.images(500, 4);
        ImageSet a = Subsets.stratified(set, 100, 9, "n");
        assertArrayEquals(a.pixels(), Subsets.stratified(set, 100, 9, "n").pixels());
        assertFalse(Arrays.equals(a.pixels(), Subsets.stratified(set, 100, 10, "n").pixels()));
    }

    @Test
    void theWholeSetIsAllowedAndTooManyIsAnError() {
        ImageSet set = TinyCifar.images(40, 4);
        assertArrayEquals(set.pixels(), Subsets.stratified(set, 40, 1, "n").pixels());
        assertEquals("--test-subset must be between 1 and the 40 images of the set, got 41",
                assertThrows(NdswException.class, () -> Subsets.stratified(set, 41, 1, "--test-subset")).getMessage());
    }
}
