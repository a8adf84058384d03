package org.ndsw.catalog;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.ndsw.NdswException;

/**
 * How a curve (a list of numbers) is stored in a BLOB: one tag byte, then the values little-endian.
 *
 * <p>Tag 'f': every value is exactly a float32 (pycls logged float32 values, so NDS curves are), 4 bytes each.
 * Tag 'd': anything else, 8 bytes each (float64). Both are lossless, NaN and infinities included. In Python:
 * {@code numpy.frombuffer(blob[1:], "<f4" if blob[:1] == b"f" else "<f8")}.
 */
public final class CurveCodec {
    private static final byte FLOAT32 = 'f';
    private static final byte FLOAT64 = 'd';

    private CurveCodec() {}

    /** Encodes a curve; null stays null. */
    public static byte[] encode(double[] values) {
        if (values == null) {
            return null;
        }
        boolean narrow = true;
        for (double v : values) {
            narrow &= Double.isNaN(v) || (double) (float) v == v;
        }
        ByteBuffer b = ByteBuffer.allocate(1 + values.length * (narrow ? 4 : 8)).order(ByteOrder.LITTLE_ENDIAN);
        b.put(narrow ? FLOAT32 : FLOAT64);
        for (double v : values) {
            if (narrow) {
                b.putFloat((float) v);
            } else {
                b.putDouble(v);
            }
        }
        return b.array();
    }

    /** Decodes a stored curve; null stays null. */
    public static double[] decode(byte[] blob) {
        if (blob == null) {
            return null;
        }
        ByteBuffer b = ByteBuffer.wrap(blob).order(ByteOrder.LITTLE_ENDIAN);
        byte tag = blob.length > 0 ? b.get() : 0;
        int width = tag == FLOAT32 ? 4 : tag == FLOAT64 ? 8 : -1;
        if (width < 0 || (blob.length - 1) % width != 0) {
            throw new NdswException("a stored curve is damaged (tag " + tag + ", " + blob.length + " bytes)");
        }
        double[] out = new double[(blob.length - 1) / width];
        for (int i = 0; i < out.length; i++) {
            out[i] = width == 4 ? b.getFloat() : b.getDouble();
        }
        return out;
    }
}
