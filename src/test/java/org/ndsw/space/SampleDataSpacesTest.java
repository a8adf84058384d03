package org.ndsw.space;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigInteger;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The example design space files under sample-data/spaces/ stay valid. */
class SampleDataSpacesTest {

    @Test
    void exampleStageSpaceLoads() {
        DesignSpace s = SpaceFiles.read(Path.of("sample-data/spaces/ResNeXt-narrow.json"));
        // (3 depths · 3 widths · 1 ratio · 2 groups)^3
        assertEquals(BigInteger.valueOf(18L * 18 * 18), s.size());
    }

    @Test
    void exampleChildSpaceLoadsWithItsParentAndConstraints() {
        StageSpace s = (StageSpace) SpaceFiles.read(Path.of("sample-data/spaces/ResNet-grow.json"));
        assertEquals("ResNet", s.parent());
        // 308 non-decreasing width sequences (stage 1 at most 64) x 165 non-decreasing depth sequences, by enumeration
        assertEquals(BigInteger.valueOf(308L * 165), s.size());
    }

    @Test
    void exampleCellSpaceLoads() {
        CellSpace s = (CellSpace) SpaceFiles.read(Path.of("sample-data/spaces/DARTS-small.json"));
        // o^{2k}((k+1)!)^2 with o = 7, k = 3
        assertEquals(BigInteger.valueOf(7).pow(6).multiply(BigInteger.valueOf(24 * 24)), s.cells());
    }
}
