package org.ndsw.space;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.ndsw.NdswException;
import org.ndsw.Quote;

/** The design spaces of the paper, shipped as design space files under org/ndsw/space/builtin/. */
public final class BuiltinSpaces {
    /** The built-in space names, in the order of the paper's Tables 2 and 3. */
    public static final List<String> NAMES = List.of(
            "Vanilla", "ResNet", "ResNeXt-A", "ResNeXt-B", "ResNet-B", "NASNet", "Amoeba", "PNAS", "ENAS", "DARTS");

    private static final List<DesignSpace> ALL = loadAll();

    private BuiltinSpaces() {}

    /** All built-in spaces, in the order of {@link #NAMES}. */
    public static List<DesignSpace> all() {
        return ALL;
    }

    /** The built-in space of this name (case-insensitive), if any. */
    public static Optional<DesignSpace> find(String name) {
        return ALL.stream().filter(s -> s.name().equalsIgnoreCase(name)).findFirst();
    }

    /** Resolves a built-in space name or a design space file path. */
    public static DesignSpace resolve(String nameOrFile) {
        Optional<DesignSpace> builtin = find(nameOrFile);
        if (builtin.isPresent()) {
            return builtin.get();
        }
        Path p = Path.of(nameOrFile);
        if (Files.isRegularFile(p)) {
            return SpaceFiles.read(p);
        }
        throw new NdswException(Quote.of(nameOrFile) + " is neither a built-in space " + NAMES
                + " nor a design space file");
    }

    private static List<DesignSpace> loadAll() {
        List<DesignSpace> out = new ArrayList<>();
        for (String name : NAMES) {
            String resource = "builtin/" + name + ".json";
            try (InputStream in = BuiltinSpaces.class.getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException("missing built-in space resource " + resource);
                }
                out.add(SpaceFiles.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), resource));
            } catch (IOException e) {
                throw new IllegalStateException("cannot read built-in space resource " + resource, e);
            }
        }
        return List.copyOf(out);
    }
}
