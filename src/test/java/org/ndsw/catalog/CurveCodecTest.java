package org.ndsw.catalog;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.ndsw.NdswException;

/** Curves are stored losslessly, as float32 only when every value is exactly one. */
class CurveCodecTest {

    @Test
    void float32ValuesTakeFourBytesAndComeBackExactly() {
        double[] c = {(double) 8.37f, 90.0, Double.NaN, Double.POSITIVE_INFINITY, -0.0, 0.0};
        byte[] b = CurveCodec.encode(c);
        assertEquals('f', b[0]);
        assertEquals(1 + 4 * c.length, b.length);
        assertArrayEquals(c, CurveCodec.decode(b));
    }

    @Test
    void anyOtherDoubleKeepsAllSixtyFourBits() {
        double[] c = {8.37, (double) 8.37f, 1e-300};
        byte[] b = CurveCodec.encode(c);
        assertEquals('d', b[0]);
        assertArrayEquals(c, CurveCodec.decode(b));
    }

    @Test
    void nullAndEmptyRoundTrip() {
        assertNull(CurveCodec.encode(null));
        assertNull(CurveCodec.decode(null));
        assertArrayEquals(new double[0], CurveCodec.decode(CurveCodec.encode(new double[0])));
    }

    @Test
    void damagedBlobIsAClearError() {
        NdswException e = assertThrows(NdswException.class, () -> CurveCodec.decode(new byte[] {'x', 1, 2}));
        assertEquals("a stored curve is damaged (tag 120, 3 bytes)", e.getMessage());
    }
}
