package org.ndsw.ui.catalog;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.ndsw.bench.SyntheticNds;
import org.ndsw.space.BuiltinSpaces;

/** Small NDS files for the catalogue panel's tests (10 epochs, 3 decimals). */
public final class CatalogFixtures {
    private CatalogFixtures() {}

    /** Writes `records` models of `space` drawn with `seed` to dir/name. */
    public static Path nds(Path dir, String name, String space, int records, long seed) throws IOException {
        Path f = dir.resolve(name);
        try (OutputStream out = Files.newOutputStream(f)) {
            SyntheticNds.write(BuiltinSpaces.resolve(space), new SyntheticNds.Options(records, List.of(), 10, 5, 3, 1),
                    seed, out);
        }
        return f;
    }
}
