package org.ndsw.train.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ndsw.NdswException;
import org.ndsw.train.TinyCifar;

class CifarBinaryTest {
    @TempDir Path dir;

    @Test
    void readsEveryTrainingFileAndTheTestFile() {
        TinyCifar.binary(dir, 40, 20, 2);
        Cifar10 data = Cifar10.load(dir);
        assertEquals("cifar-10-binary", data.format());
        assertEquals("CIFAR-10", data.name());
        assertEquals(40, data.train().size());
        assertEquals(20, data.test().size());
        assertEquals(Cifar10.CLASS_NAMES, data.train().classes());
        ImageSet first = TinyCifar.images(20, 1);
        assertArrayEquals(first.pixels(), java.util.Arrays.copyOf(data.train().pixels(), first.pixels().length));
        assertArrayEquals(TinyCifar.images(20, 99).labels(), data.test().labels());
    }

    @Test
    void findsTheOfficialSubfolder() {
        TinyCifar.binary(dir.resolve(CifarBinary.FOLDER), 20, 10, 1);
        assertEquals(20, Cifar10.load(dir).train().size());
    }

    @Test
    void recordBytesAreLabelThenRedGreenBluePlanes() throws IOException {
        byte[] record = new byte[CifarBinary.RECORD];
        record[0] = 7;
        record[1] = 10;
        record[1 + 1024] = 20;
        record[1 + 2048 + 1023] = 30;
        Files.write(dir.resolve("data_batch_1.bin"), record);
        Files.write(dir.resolve("test_batch.bin"), record);
        ImageSet set = Cifar10.load(dir).train();
        assertEquals(7, set.labels()[0]);
        assertEquals(10, set.pixels()[0]);
        assertEquals(20, set.pixels()[1024]);
        assertEquals(30, set.pixels()[3071]);
    }

    @Test
    void readsClassNamesFromTheMetaFile() throws IOException {
        TinyCifar.binary(dir, 10, 10, 1);
        List<String> names = List.of("a", "b", "c", "d", "e", "f", "g", "h", "i", "j");
        Files.write(dir.resolve(CifarBinary.META_FILE), names);
        assertEquals(names, Cifar10.load(dir).train().classes());
    }

    @Test
    void labelOutOfRangeNamesFileRecordAndLabel() throws IOException {
        TinyCifar.binary(dir, 10, 10, 1);
        byte[] b = Files.readAllBytes(dir.resolve("test_batch.bin"));
        b[3 * CifarBinary.RECORD] = 12;
        Files.write(dir.resolve("test_batch.bin"), b);
        NdswException e = assertThrows(NdswException.class, () -> Cifar10.load(dir));
        assertEquals(dir.resolve("test_batch.bin") + ": record 3 has label 12, expected 0-9", e.getMessage());
    }

    @Test
    void truncatedFileIsReportedWithItsSize() throws IOException {
        TinyCifar.binary(dir, 10, 10, 1);
        Files.write(dir.resolve("data_batch_1.bin"), new byte[CifarBinary.RECORD * 2 - 1]);
        NdswException e = assertThrows(NdswException.class, () -> Cifar10.load(dir));
        assertEquals(dir.resolve("data_batch_1.bin") + ": 6,145 bytes is not a whole number of 3,073-byte CIFAR-10"
                + " records", e.getMessage());
    }

    @Test
    void missingTestFileAndGapsAreErrors() throws IOException {
        TinyCifar.binary(dir, 10, 10, 1);
        Files.delete(dir.resolve("test_batch.bin"));
        assertEquals(dir.resolve("test_batch.bin") + ": missing (the CIFAR-10 binary test file)",
                assertThrows(NdswException.class, () -> Cifar10.load(dir)).getMessage());
        TinyCifar.binary(dir, 10, 10, 1);
        Files.copy(dir.resolve("data_batch_1.bin"), dir.resolve("data_batch_3.bin"));
        assertTrue(assertThrows(NdswException.class, () -> Cifar10.load(dir)).getMessage()
                .contains("data_batch_2.bin: missing, but data_batch_3.bin exists"));
    }

    @Test
    void aDirectoryWithoutCifarIsExplained() {
        NdswException e = assertThrows(NdswException.class, () -> Cifar10.load(dir));
        assertTrue(e.getMessage().startsWith(dir + ": not a CIFAR-10 directory"), e.getMessage());
        assertEquals(dir.resolve("nope") + ": no such directory",
                assertThrows(NdswException.class, () -> Cifar10.load(dir.resolve("nope"))).getMessage());
    }
}
