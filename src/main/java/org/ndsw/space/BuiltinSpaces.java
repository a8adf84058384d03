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

/**
 * The design spaces of the paper, shipped as design space files under org/ndsw/space/builtin/, and the ImageNet-scale
 * AnyNetX and RegNet spaces of the RegNet paper (Radosavovic et al., CVPR 2020, §3 and §4).
 *
 * <p>{@link #all()} holds the paper's ten CIFAR spaces, the ones the training, sweep and GUI paths handle;
 * {@link #pycls()} holds AnyNetX_A to AnyNetX_E, RegNetX and RegNetY, which `ndsw spaces`, `ndsw space info` and `ndsw sample` handle with
 * complexity on 224x224 inputs. {@link #find} and {@link #resolve} know both.
 */
public final class BuiltinSpaces {
    /** The built-in space names, in the order of the paper's Tables 2 and 3. */
    public static final List<String> NAMES = List.of(
            "Vanilla", "ResNet", "ResNeXt-A", "ResNeXt-B", "ResNet-B", "NASNet", "Amoeba", "PNAS", "ENAS", "DARTS");

    /** The ImageNet-scale AnyNetX spaces, A to E, each refining the one before. */
    public static final List<String> PYCLS_NAMES = List.of("AnyNetX_A", "AnyNetX_B", "AnyNetX_C", "AnyNetX_D",
            "AnyNetX_E");

    /** The RegNet spaces of the paper's §4 (RegNetY adds squeeze-and-excitation), drawn as pycls's sweeps draw. */
    public static final List<String> REGNET_NAMES = List.of("RegNetX", "RegNetY");

    private static final List<DesignSpace> ALL = loadAll(NAMES);
    private static final List<DesignSpace> PYCLS = loadAll(concat(PYCLS_NAMES, REGNET_NAMES));

    private BuiltinSpaces() {}

    /** All built-in spaces, in the order of {@link #NAMES}. */
    public static List<DesignSpace> all() {
        return ALL;
    }

    /** The AnyNetX spaces, in the order of {@link #PYCLS_NAMES}, then the RegNet spaces of {@link #REGNET_NAMES}. */
    public static List<DesignSpace> pycls() {
        return PYCLS;
    }

    /** Every built-in space: {@link #all()}, then {@link #pycls()}. */
    public static List<DesignSpace> listed() {
        List<DesignSpace> out = new ArrayList<>(ALL);
        out.addAll(PYCLS);
        return List.copyOf(out);
    }

    /** The built-in space of this name (case-insensitive), if any. */
    public static Optional<DesignSpace> find(String name) {
        return listed().stream().filter(s -> s.name().equalsIgnoreCase(name)).findFirst();
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
        throw new NdswException(Quote.of(nameOrFile) + " is neither a built-in space " + NAMES + PYCLS_NAMES + REGNET_NAMES
                + " nor a design space file");
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> out = new ArrayList<>(a);
        out.addAll(b);
        return List.copyOf(out);
    }

    private static List<DesignSpace> loadAll(List<String> names) {
        List<DesignSpace> out = new ArrayList<>();
        for (String name : names) {
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
