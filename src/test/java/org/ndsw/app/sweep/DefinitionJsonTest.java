package org.ndsw.app.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ndsw.NdswException;
import org.ndsw.complexity.Convention;
import org.ndsw.complexity.Window;
import org.ndsw.train.Recipe;

/** The sweep definition file: round trip and one-line messages naming file, field and value. */
class DefinitionJsonTest {
    @TempDir Path dir;

    static final SweepDefinition DEF = new SweepDefinition("cifar-20", "ResNet", 20, 7,
            new Window(0, 500_000, 10_000_000, Long.MAX_VALUE), Convention.NDS, Recipe.NDS_CIFAR.withEpochs(2),
            "/data/cifar", 5000, 1000, 3, "djl", 2);

    @Test
    void aDefinitionSurvivesTheFile() {
        Path f = dir.resolve("sweep.json");
        DefinitionJson.write(DEF, f);
        assertEquals(DEF, DefinitionJson.read(f));
        assertEquals(40, DEF.runs());
    }

    @Test
    void badFieldsAreNamedWithTheirValue() throws Exception {
        String good = DefinitionJson.text(DEF);
        assertEquals("s.json: field \"n\" must be an integer, got \"twenty\"",
                message(good.replace("\"n\" : 20", "\"n\" : \"twenty\"")));
        assertEquals("s.json: unknown field \"epochs\"; known: ",
                message(good.replace("\"n\" : 20", "\"n\" : 20, \"epochs\" : 3")).replaceAll("\\[.*]", ""));
        assertEquals("s.json: field \"window.max_params\" must be a non-negative integer or null, got -5",
                message(good.replace("\"max_params\" : 500000", "\"max_params\" : -5")));
        assertEquals("s.json: epochs must be a positive integer, got 0",
                message(good.replace("\"epochs\" : 2", "\"epochs\" : 0")));
        assertEquals("s.json: field \"format\" must be \"ndsw-sweep/1\", got null", message("{}"));
        assertEquals("s.json: field \"data\" is missing", message(good.replace("\"data\" : \"/data/cifar\",", "")));
    }

    private String message(String json) throws Exception {
        Path f = dir.resolve("s.json");
        Files.writeString(f, json);
        return assertThrows(NdswException.class, () -> DefinitionJson.read(f)).getMessage()
                .replace(f.toString(), "s.json");
    }
}
