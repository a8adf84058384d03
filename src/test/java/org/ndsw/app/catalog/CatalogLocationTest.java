package org.ndsw.app.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** --catalog wins over NDSW_CATALOG, which wins over ~/.ndsw/catalog.db. */
class CatalogLocationTest {

    @Test
    void optionThenEnvironmentThenHome() {
        Map<String, String> env = Map.of("NDSW_CATALOG", "/data/env.db");
        assertEquals(Path.of("/x/opt.db"), CatalogLocation.resolve("/x/opt.db", env, "/home/u"));
        assertEquals(Path.of("/data/env.db"), CatalogLocation.resolve(null, env, "/home/u"));
        assertEquals(Path.of("/home/u/.ndsw/catalog.db"), CatalogLocation.resolve(null, Map.of(), "/home/u"));
        assertEquals(Path.of("/home/u/.ndsw/catalog.db"), CatalogLocation.resolve(" ", Map.of("NDSW_CATALOG", ""), "/home/u"));
    }
}
