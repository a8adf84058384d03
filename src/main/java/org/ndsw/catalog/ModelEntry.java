package org.ndsw.catalog;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.TreeSet;
import org.ndsw.catalog.nds.NdsJson;
import org.ndsw.complexity.Complexities;
import org.ndsw.complexity.Complexity;
import org.ndsw.complexity.Convention;
import org.ndsw.space.CellSpec;
import org.ndsw.space.Genotype;
import org.ndsw.space.ModelSpec;
import org.ndsw.space.SpecJson;
import org.ndsw.space.StageSpec;

/**
 * A model as the catalogue stores it: identity, canonical net, CIFAR-10 complexity and derived query columns.
 *
 * @param hash {@link SpecJson#hash}: the model identity
 * @param complexity flops, params and acts on CIFAR-10 (32x32, 10 classes) under the nds convention (docs/reference/complexity.md)
 * @param opsNormal for cell nets, the distinct ops of the normal cell as " op1 op2 " (sorted, space-delimited)
 */
public record ModelEntry(String hash, String family, String net, Complexity complexity, String blockType,
        String opsNormal, String opsReduce) {

    /** Computes every column of a model from its spec. */
    public static ModelEntry of(ModelSpec spec) {
        return of(spec, SpecJson.toJson(spec));
    }

    /** Computes every column of a model from its spec and its canonical tree ({@link SpecJson#toJson}). */
    public static ModelEntry of(ModelSpec spec, ObjectNode canonical) {
        Complexity c = Complexities.cifar(spec, Convention.NDS);
        String net = NdsJson.text(canonical);
        String hash = sha256(net);
        if (spec instanceof StageSpec s) {
            return new ModelEntry(hash, spec.family(), net, c, s.blockType().recordName(), null, null);
        }
        Genotype g = ((CellSpec) spec).genotype();
        return new ModelEntry(hash, spec.family(), net, c, null, ops(g.normal()), ops(g.reduce()));
    }

    /**
     * SHA-256 of the canonical text: what {@link SpecJson#hash} is defined as, rendered once with the light writer of
     * {@link NdsJson} (ModelEntryTest checks text and hash equal SpecJson's for every space).
     */
    private static String sha256(String canonical) {
        return HexFormat.of().formatHex(SHA256.get().digest(canonical.getBytes(StandardCharsets.UTF_8)));
    }

    /** One digest per thread: looking the algorithm up costs more than hashing a net. */
    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    });

    private static String ops(List<Genotype.Edge> edges) {
        TreeSet<String> names = new TreeSet<>();
        edges.forEach(e -> names.add(e.op().recordName()));
        return " " + String.join(" ", names) + " ";
    }
}
