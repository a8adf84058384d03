package org.ndsw.app;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.ndsw.bench.SyntheticNds;
import org.ndsw.space.BuiltinSpaces;

/** Small synthetic NDS files for tests (10 epochs, 5 logged iterations, 3 decimals). */
public final class NdsTestFiles {
    private NdsTestFiles() {}

    /** Writes `records` models of `space` drawn with `seed` to dir/name. */
    public static Path write(Path dir, String name, String space, int records, long seed) throws IOException {
        return write(dir, name, space, records, seed, List.of());
    }

    /** Writes a file; with groups, an object of groups of `records` each. */
    public static Path write(Path dir, String name, String space, int records, long seed, List<String> groups) throws IOException {
        Path f = dir.resolve(name);
        try (OutputStream out = Files.newOutputStream(f)) {
            SyntheticNds.write(BuiltinSpaces.resolve(space), new SyntheticNds.Options(records, groups, 10, 5, 3, 1), seed,
                    out);
        }
        return f;
    }
}
