package org.ndsw.app.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ndsw.app.NdsFixtures;
import org.ndsw.app.source.SourceSpec;

/** Every compared set reports the half-width of its 95% DKW band: how certain its EDF is at its sample size. */
class DkwInCompareTest {

    @Test
    void plainSetsReportSqrtLn40Over2n(@TempDir Path dir) throws Exception {
        NdsFixtures.writeList(dir.resolve("A.json"), 400, 0, 1, 3);
        CompareResult r = new CompareService().compare(List.of(SourceSpec.parse(dir.resolve("A.json").toString())),
                CompareOptions.defaults());
        double expected = Math.sqrt(Math.log(2 / 0.05) / (2 * 400));
        assertEquals(expected, r.sets().get(0).dkwEpsilon(), 1e-12);
        StringWriter json = new StringWriter();
        CompareJson.write(r, json);
        JsonNode set = new ObjectMapper().readTree(json.toString()).get("sets").get(0);
        assertEquals(expected, set.get("dkw_epsilon_95").doubleValue(), 1e-12);
        assertTrue(set.has("area"));
    }
}
