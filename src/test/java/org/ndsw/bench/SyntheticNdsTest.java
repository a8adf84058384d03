package org.ndsw.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.ndsw.NdswException;
import org.ndsw.catalog.nds.NdsJson;
import org.ndsw.complexity.Window;
import org.ndsw.space.BuiltinSpaces;

/** Synthetic NDS files: deterministic, within their window, impossible windows fail instead of hanging. */
class SyntheticNdsTest {

    private static byte[] write(String space, SyntheticNds.Options o, long seed) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        SyntheticNds.write(BuiltinSpaces.resolve(space), o, seed, out);
        return out.toByteArray();
    }

    @Test
    void sameOptionsAndSeedSameBytes() throws Exception {
        SyntheticNds.Options o = new SyntheticNds.Options(20, List.of("top", "mid"), 5, 3, -1, 2);
        assertArrayEquals(write("DARTS", o, 9), write("DARTS", o, 9));
    }

    @Test
    void everyModelLiesInTheWindow() throws Exception {
        Window w = new Window(0, 856_000, 0, 129_000_000);
        JsonNode recs = NdsJson.parse(new String(write("ResNet",
                new SyntheticNds.Options(50, List.of(), 5, 3, 3, 1, w), 4)));
        for (JsonNode r : recs) {
            assertTrue(r.get("params").longValue() <= 856_000 && r.get("flops").longValue() <= 129_000_000L);
        }
    }

    @Test
    void anImpossibleWindowIsAnError() {
        Window tiny = new Window(0, 10, 0, Long.MAX_VALUE);
        NdswException e = assertThrows(NdswException.class,
                () -> write("ResNet", new SyntheticNds.Options(1, List.of(), 5, 3, 3, 1, tiny), 1));
        assertTrue(e.getMessage().startsWith("drew 10000 models of ResNet and none fit the window"), e.getMessage());
    }
}
