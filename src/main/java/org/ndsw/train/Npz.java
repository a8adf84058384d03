package org.ndsw.train;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.ndsw.AtomicWrite;
import org.ndsw.NdswException;

/**
 * Weights as a NumPy .npz archive (one float32 .npy entry per tensor), so Python reads them with numpy.load.
 *
 * <p>Only what this class writes is read back: little-endian float32, C order, .npy format version 1.0.
 */
public final class Npz {
    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    private static final Pattern HEADER = Pattern.compile(
            "\\{'descr': '<f4', 'fortran_order': False, 'shape': \\(([0-9, ]*)\\), \\}\\s*");

    private Npz() {}

    /** Writes weights to a file, replacing it atomically. */
    public static void write(Weights weights, Path file) {
        AtomicWrite.write(file, out -> {
            try (ZipOutputStream zip = new ZipOutputStream(out)) {
                for (Map.Entry<String, Tensor> e : weights.tensors().entrySet()) {
                    zip.putNextEntry(new ZipEntry(e.getKey() + ".npy"));
                    writeNpy(e.getValue(), zip);
                    zip.closeEntry();
                }
            }
        });
    }

    /** Reads weights written by {@link #write}. */
    public static Weights read(Path file) {
        Map<String, Tensor> out = new LinkedHashMap<>();
        try (ZipInputStream zip = new ZipInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
            for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
                String name = e.getName();
                if (!name.endsWith(".npy")) {
                    throw new NdswException(file + ": unexpected entry " + name + " (expected .npy arrays)");
                }
                out.put(name.substring(0, name.length() - 4), readNpy(zip, file + ":" + name));
            }
        } catch (NoSuchFileException e) {
            throw new NdswException(file + ": no such file", e);
        } catch (IOException e) {
            throw new NdswException(file + ": cannot read: " + e.getMessage(), e);
        }
        return new Weights(out);
    }

    private static void writeNpy(Tensor t, OutputStream out) throws IOException {
        String dims = java.util.Arrays.stream(t.shape()).mapToObj(Integer::toString)
                .collect(java.util.stream.Collectors.joining(", ")) + (t.shape().length == 1 ? "," : "");
        String dict = "{'descr': '<f4', 'fortran_order': False, 'shape': (" + dims + "), }";
        int unpadded = MAGIC.length + 2 + 2 + dict.length() + 1;
        int pad = (64 - unpadded % 64) % 64;
        String header = dict + " ".repeat(pad) + "\n";
        out.write(MAGIC);
        out.write(new byte[] {1, 0, (byte) header.length(), (byte) (header.length() >> 8)});
        out.write(header.getBytes(StandardCharsets.US_ASCII));
        ByteBuffer buf = ByteBuffer.allocate(4 * t.data().length).order(ByteOrder.LITTLE_ENDIAN);
        buf.asFloatBuffer().put(t.data());
        out.write(buf.array());
    }

    private static Tensor readNpy(InputStream in, String where) throws IOException {
        DataInputStream data = new DataInputStream(in);
        byte[] magic = new byte[MAGIC.length];
        data.readFully(magic);
        if (!java.util.Arrays.equals(magic, MAGIC) || data.readUnsignedByte() != 1) {
            throw new NdswException(where + ": not a version 1 .npy array");
        }
        data.readUnsignedByte();
        int len = data.readUnsignedByte() | data.readUnsignedByte() << 8;
        byte[] header = new byte[len];
        data.readFully(header);
        Matcher m = HEADER.matcher(new String(header, StandardCharsets.US_ASCII));
        if (!m.matches()) {
            throw new NdswException(where + ": only little-endian float32 arrays in C order are supported");
        }
        int[] shape = java.util.Arrays.stream(m.group(1).split(",")).map(String::strip).filter(s -> !s.isEmpty())
                .mapToInt(Integer::parseInt).toArray();
        float[] values = new float[Math.toIntExact(Tensor.elements(shape))];
        byte[] raw = new byte[4 * values.length];
        data.readFully(raw);
        ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(values);
        return new Tensor(shape, values);
    }
}
