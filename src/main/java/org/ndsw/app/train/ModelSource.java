package org.ndsw.app.train;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.ndsw.NdswException;
import org.ndsw.space.BuiltinSpaces;
import org.ndsw.space.DesignSpace;
import org.ndsw.space.ModelSpec;
import org.ndsw.space.SpecJson;

/**
 * The model to train, given as a net JSON, a file, or a space and seed.
 *
 * @param spec the network
 * @param space the design space's name, or null if not known
 */
public record ModelSource(ModelSpec spec, String space) {
    /** Python writes NaN and Infinity as bare tokens in NDS records; accept them. */
    private static final ObjectMapper READER = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS).build();

    /** A net given as JSON text (a bare net or a record with "net"). */
    public static ModelSource ofJson(String json, String where) {
        try {
            return ofNode(READER.readTree(json), where);
        } catch (JsonProcessingException e) {
            throw new NdswException(where + ": not valid JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** A file holding a net, or an NDS record with "net" (and optionally "space"), such as `ndsw sample` prints. */
    public static ModelSource ofFile(Path file) {
        try {
            return ofJson(Files.readString(file), file.toString());
        } catch (NoSuchFileException e) {
            throw new NdswException(file + ": no such file", e);
        } catch (IOException e) {
            throw new NdswException(file + ": cannot read: " + e.getMessage(), e);
        }
    }

    /** The first model `ndsw sample NAME -n 1 --seed S` draws. */
    public static ModelSource ofSpace(String nameOrFile, long seed) {
        DesignSpace space = BuiltinSpaces.resolve(nameOrFile);
        return new ModelSource(space.sample(new SplittableRandom(seed)), space.name());
    }

    private static ModelSource ofNode(JsonNode node, String where) {
        if (node == null || !node.isObject()) {
            throw new NdswException(where + ": expected a JSON object (a net or a record with \"net\")");
        }
        JsonNode net = node.has("net") ? node.get("net") : node;
        String space = node.has("space") && node.get("space").isTextual() ? node.get("space").textValue() : null;
        try {
            return new ModelSource(SpecJson.parseNet(net), space);
        } catch (NdswException e) {
            throw new NdswException(where + ": " + e.getMessage(), e);
        }
    }

}
