package org.ndsw.catalog.nds;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Numbers are converted exactly as Double.parseDouble does, on the fast path and off it. */
class FastDoubleTest {

    private static double lexed(String text) {
        JsonBytes lx = new JsonBytes(new ByteArrayInputStream((text + " ").getBytes(StandardCharsets.US_ASCII)));
        return new JsonNumbers(lx).number();
    }

    private static void same(String text) {
        if (text.startsWith("00")) {
            // Not JSON: the lexer reads the leading 0 as the whole number, leaving "0.5" for the caller to reject.
            assertEquals(0.0, lexed(text));
            return;
        }
        assertEquals(Double.doubleToRawLongBits(Double.parseDouble(text)), Double.doubleToRawLongBits(lexed(text)), text);
    }

    @Test
    void edgeCasesMatchParseDouble() {
        for (String s : List.of("0", "-0", "0.0", "-0.0", "1", "-1", "0.1", "8.369999885559082", "0.12345678901234567",
                "1e-05", "1E+2", "2.5e10", "4.9e-324", "2.2250738585072014E-308", "2.2250738585072011e-308",
                "1.7976931348623157e308", "1.7976931348623159e308", "1e400", "1e-400", "9007199254740993",
                "18446744073709551615", "123456789012345678901234567890", "0.000000000000000000000000001",
                "100", "99.99999999999999", "3.141592653589793238462643383279", "1.00000000000000011102230246251565",
                "0.000000001234567", "0.0000000000000000001", "12.34567890123456", "1.00000000", "0.12345678",
                "0.1234567890123456789", "-0.00000000", "7.0000000000000001", "00.5")) {
            same(s);
        }
    }

    @Test
    void randomDecimalsOfEveryLengthMatchParseDouble() {
        SplittableRandom rng = new SplittableRandom(3);
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < 15_000; i++) {
            double d = Double.longBitsToDouble(rng.nextLong() & 0x7FEFFFFFFFFFFFFFL);
            texts.add(Double.toString(d));
            texts.add(Double.toString((double) (float) (rng.nextDouble() * 100)));
            texts.add(new BigDecimal(d).round(new MathContext(1 + rng.nextInt(22))).toString());
            texts.add(String.format(java.util.Locale.ROOT, "%.3f", rng.nextDouble() * 100));
        }
        texts.forEach(FastDoubleTest::same);
    }

    @Test
    void pythonSpecialsAreAccepted() {
        assertEquals(Double.NaN, lexed("NaN"));
        assertEquals(Double.POSITIVE_INFINITY, lexed("Infinity"));
        assertEquals(Double.NEGATIVE_INFINITY, lexed("-Infinity"));
    }
}
