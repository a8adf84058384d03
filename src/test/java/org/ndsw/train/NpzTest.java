package org.ndsw.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ndsw.NdswException;

class NpzTest {
    @TempDir Path dir;

    @Test
    void roundTripKeepsNamesOrderShapesAndValues() {
        Map<String, Tensor> m = new LinkedHashMap<>();
        m.put("stem.conv.weight", new Tensor(new int[] {2, 1, 1, 3}, new float[] {1, -2, 3.5f, Float.NaN, 0, 1e-30f}));
        m.put("head.fc.bias", new Tensor(new int[] {3}, new float[] {0.25f, -0.5f, 7}));
        Path f = dir.resolve("w.npz");
        Npz.write(new Weights(m), f);
        Weights back = Npz.read(f);
        assertEquals(java.util.List.copyOf(m.keySet()), java.util.List.copyOf(back.tensors().keySet()));
        for (String k : m.keySet()) {
            assertArrayEquals(m.get(k).shape(), back.get(k).shape());
            assertArrayEquals(m.get(k).data(), back.get(k).data());
        }
    }

    @Test
    void entriesAreNumpyVersionOneWithAlignedHeaders() throws IOException {
        Path f = dir.resolve("w.npz");
        Npz.write(new Weights(Map.of("a.weight", new Tensor(new int[] {4}, new float[4]))), f);
        try (ZipFile zip = new ZipFile(f.toFile())) {
            byte[] b = zip.getInputStream(zip.getEntry("a.weight.npy")).readAllBytes();
            assertEquals((byte) 0x93, b[0]);
            assertEquals("NUMPY", new String(b, 1, 5, StandardCharsets.US_ASCII));
            int len = (b[8] & 0xff) | (b[9] & 0xff) << 8;
            assertEquals(0, (10 + len) % 64);
            String header = new String(b, 10, len, StandardCharsets.US_ASCII);
            assertEquals("{'descr': '<f4', 'fortran_order': False, 'shape': (4,), }", header.strip());
            assertEquals(10 + len + 16, b.length);
        }
    }

    @Test
    void missingFileIsAUserError() {
        assertEquals(dir.resolve("none.npz") + ": no such file",
                assertThrows(NdswException.class, () -> Npz.read(dir.resolve("none.npz"))).getMessage());
    }

    @Test
    void foreignArraysAreRejected() throws IOException {
        Path f = dir.resolve("w.npz");
        try (var zip = new java.util.zip.ZipOutputStream(Files.newOutputStream(f))) {
            zip.putNextEntry(new java.util.zip.ZipEntry("x.npy"));
            String h = "{'descr': '<f8', 'fortran_order': False, 'shape': (1,), }";
            zip.write(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0, (byte) (h.length() + 1), 0});
            zip.write((h + "\n").getBytes(StandardCharsets.US_ASCII));
            zip.write(new byte[8]);
        }
        assertEquals(f + ":x.npy: only little-endian float32 arrays in C order are supported",
                assertThrows(NdswException.class, () -> Npz.read(f)).getMessage());
    }
}
