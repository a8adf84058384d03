package org.ndsw.space;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;

/** Exact space sizes of paper Tables 2 and 3. */
class SpaceSizeTest {

    private static BigInteger size(String name) {
        return BuiltinSpaces.find(name).orElseThrow().size();
    }

    private static BigInteger cells(String name) {
        return ((CellSpace) BuiltinSpaces.find(name).orElseThrow()).cells();
    }

    @Test
    void stageWiseSizesMatchTable2() {
        assertEquals(BigInteger.valueOf(1_259_712L), size("Vanilla"));
        assertEquals(BigInteger.valueOf(1_259_712L), size("ResNet"));
        assertEquals(BigInteger.valueOf(11_390_625L), size("ResNeXt-A"));
        assertEquals(BigInteger.valueOf(52_734_375L), size("ResNeXt-B"));
        assertEquals(BigInteger.valueOf(421_875L), size("ResNet-B"));
    }

    @Test
    void cellCountsMatchTable3() {
        assertEquals(new BigInteger("71465842174521600"), cells("NASNet"));
        // Table 3 prints billions: 556,628 / 556,628 / 5,063 (5,062.5 rounded) / 242.
        assertEquals(556_628L, Math.round(cells("Amoeba").doubleValue() / 1e9));
        assertEquals(cells("Amoeba"), cells("PNAS"));
        assertEquals(new BigInteger("5062500000000"), cells("ENAS"));
        assertEquals(242L, Math.round(cells("DARTS").doubleValue() / 1e9));
    }

    @Test
    void cellCountIsClosedFormOfTable3() {
        // o^{2k}·((k+1)!)² for DARTS: o = 8, k = 4.
        BigInteger expected = BigInteger.valueOf(8).pow(8).multiply(BigInteger.valueOf(120 * 120));
        assertEquals(expected, cells("DARTS"));
    }

    @Test
    void cellSpaceSizeCountsBothCellTypesWidthsAndDepths() {
        BigInteger c = cells("DARTS");
        assertEquals(c.multiply(c).multiply(BigInteger.valueOf(15)), size("DARTS"));
    }

    @Test
    void builtinsAreListedInTableOrder() {
        assertEquals(BuiltinSpaces.NAMES, BuiltinSpaces.all().stream().map(DesignSpace::name).toList());
    }
}
