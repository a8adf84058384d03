package org.ndsw.space;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.ndsw.NdswException;

/** Design space files: built-ins round-trip, user files load, bad fields are named. */
class SpaceFilesTest {
    private static final String CELL = """
            {"format": "ndsw-space/1", "name": "Mini", "family": "cell", "ops": ["skip_connect", "sep_conv_3x3"],
             "nodes": 2, "output": "loose", "width": [16], "depth": [3, 6]}""";

    @Test
    void builtinsRoundTripThroughTheFileFormat(@TempDir Path dir) {
        for (DesignSpace s : BuiltinSpaces.all()) {
            Path f = dir.resolve(s.name() + ".json");
            SpaceFiles.write(s, f);
            DesignSpace back = SpaceFiles.read(f);
            assertEquals(SpaceFiles.toText(s), SpaceFiles.toText(back));
            assertEquals(s.size(), back.size());
        }
    }

    @Test
    void userCellSpaceLoadsAndSizes(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("mini.json");
        Files.writeString(f, CELL);
        CellSpace s = (CellSpace) BuiltinSpaces.resolve(f.toString());
        // o^{2k}((k+1)!)^2 with o = 2, k = 2: 16 · 36.
        assertEquals(576, s.cells().intValue());
        assertEquals(576L * 576 * 2, s.size().longValue());
    }

    @Test
    void missingFileIsNamed() {
        NdswException e = assertThrows(NdswException.class, () -> BuiltinSpaces.resolve("no/such/space.json"));
        assertTrue(e.getMessage().contains("\"no/such/space.json\" is neither a built-in space"), e.getMessage());
    }

    @Test
    void invalidJsonNamesTheFileAndLine() {
        NdswException e = assertThrows(NdswException.class, () -> SpaceFiles.parse("{\n\"format\": ", "x.json"));
        assertTrue(e.getMessage().startsWith("x.json: not valid JSON at line 2"), e.getMessage());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "\"format\": \"ndsw-space/1\"|\"format\": \"ndsw-space/9\"|s.json: format must be \"ndsw-space/1\", \"ndsw-space/2\" or \"ndsw-space/3\", got \"ndsw-space/9\"",
        "\"nodes\": 2|\"nodes\": 0|s.json: nodes must be an integer in [1, 32] (NAS cells have 4 or 5 nodes; the space size grows as ((k+1)!)^4), got 0",
        "\"output\": \"loose\"|\"output\": \"L\"|s.json: output must be \"all\" or \"loose\", got \"L\"",
        "\"width\": [16]|\"width\": [16, 17]|s.json: width[1] must be even (FactorizedReduce halves it), got 17",
        "\"depth\": [3, 6]|\"depth\": [3, 3]|s.json: depth[1] repeats the value 3",
        "\"depth\": [3, 6]|\"depth\": []|s.json: depth must be a non-empty list of positive integers, got []",
        "\"sep_conv_3x3\"]|\"sep_conv_4x4\"]|s.json: ops[1] must be one of",
        "\"family\": \"cell\"|\"family\": \"cell\", \"colour\": 1|s.json: colour is not a known field",
        "\"family\": \"cell\"|\"family\": \"graph\"|s.json: family must be \"stage\" or \"cell\", got \"graph\"",
        "\"family\": \"cell\"|\"family\": \"regnet\"|s.json: family \"regnet\" goes with format \"ndsw-space/3\"",
    })
    void badCellFieldsAreNamed(String from, String to, String message) {
        NdswException e = assertThrows(NdswException.class, () -> SpaceFiles.parse(CELL.replace(from, to), "s.json"));
        assertTrue(e.getMessage().startsWith(message), () -> "message was: " + e.getMessage());
    }

    @Test
    void groupsThatDoNotDivideTheBottleneckAreNamed() {
        String s = """
                {"format": "ndsw-space/1", "name": "Bad", "family": "stage", "block_type": "res_bottleneck_block",
                 "stem": {"width": 16, "stride": 1},
                 "stages": [{"stride": 1, "depth": [1], "width": [16, 24], "bottleneck_ratio": [1, 4], "groups": [1, 4]}]}""";
        NdswException e = assertThrows(NdswException.class, () -> SpaceFiles.parse(s, "b.json"));
        assertEquals("b.json: stages[0].groups 4 does not divide the bottleneck width 6 of width 24 with bottleneck_ratio 4",
                e.getMessage());
    }

    @Test
    void bottleneckFieldsOnABasicBlockAreRejected() {
        String s = """
                {"format": "ndsw-space/1", "name": "Bad", "family": "stage", "block_type": "res_basic_block",
                 "stem": {"width": 16, "stride": 1},
                 "stages": [{"stride": 1, "depth": [1], "width": [16], "groups": [1, 2]}]}""";
        NdswException e = assertThrows(NdswException.class, () -> SpaceFiles.parse(s, "b.json"));
        assertEquals("b.json: stages[0].bottleneck_ratio and groups apply only to res_bottleneck_block, not to "
                + "res_basic_block", e.getMessage());
    }
}
