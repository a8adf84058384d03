package org.ndsw.pycls;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.ndsw.AtomicWrite;
import org.ndsw.NdswException;
import org.ndsw.Quote;

/**
 * pycls configs as files: a YAML file (one config, pycls's own format) or JSON Lines whose lines are the JSON form of
 * a config's keys. A config is kept as its tree of keys ({@link ObjectNode}), so that writing and reading it back gives
 * the same tree; {@link org.ndsw.complexity.PyclsConfig} reads the network out of it.
 */
public final class PyclsYaml {
    private static final YAMLMapper YAML = YAMLMapper.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
            .build();
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS).build();

    /** One config read from a file, with where it came from ("file" or "file:line"). */
    public record Located(String where, ObjectNode config) {}

    private PyclsYaml() {}

    /** True for the names of YAML files: `.yaml` or `.yml`. */
    public static boolean isYaml(Path file) {
        String n = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return n.endsWith(".yaml") || n.endsWith(".yml");
    }

    /** The config of a YAML text; `where` names its source in errors. */
    public static ObjectNode parseYaml(String text, String where) {
        JsonNode n;
        try {
            n = YAML.readTree(text);
        } catch (JsonProcessingException e) {
            throw new NdswException(where + ": not valid YAML: " + Quote.cut(e.getOriginalMessage()), e);
        }
        return object(n, where);
    }

    /** The config of one JSON line; `where` names its source in errors. */
    public static ObjectNode parseJson(String line, String where) {
        JsonNode n;
        try {
            n = JSON.readTree(line);
        } catch (JsonProcessingException e) {
            throw new NdswException(where + ": not valid JSON: " + Quote.cut(e.getOriginalMessage()), e);
        }
        return object(n, where);
    }

    /** Reads a YAML file (one config) or a JSON Lines file (one config a non-blank line). */
    public static List<Located> read(Path file) {
        try {
            if (isYaml(file)) {
                return List.of(new Located(file.toString(), parseYaml(Files.readString(file), file.toString())));
            }
            List<Located> out = new ArrayList<>();
            try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                int number = 0;
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    number++;
                    if (!line.isBlank()) {
                        String where = file + ":" + number;
                        out.add(new Located(where, parseJson(line, where)));
                    }
                }
            }
            return out;
        } catch (NoSuchFileException e) {
            throw new NdswException(file + ": no such file", e);
        } catch (IOException e) {
            throw new NdswException(file + ": cannot read: " + e.getMessage(), e);
        }
    }

    /** The YAML text of a config, keys in the tree's order; {@link #parseYaml} gives the same tree back. */
    public static String write(ObjectNode config) {
        try {
            return YAML.writeValueAsString(config);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a config tree always writes as YAML", e);
        }
    }

    /**
     * Writes each config as `dir/NAME.yaml`, each file whole or not at all; returns the files written. Names are the
     * given ones with characters other than letters, digits, '.', '_' and '-' replaced by '_'.
     */
    public static List<Path> writeFiles(Path dir, List<String> names, List<ObjectNode> configs) {
        List<Path> out = new ArrayList<>();
        for (int i = 0; i < configs.size(); i++) {
            Path f = dir.resolve(names.get(i).replaceAll("[^A-Za-z0-9._-]", "_") + ".yaml");
            AtomicWrite.text(f, write(configs.get(i)));
            out.add(f);
        }
        return out;
    }

    private static ObjectNode object(JsonNode n, String where) {
        if (n instanceof ObjectNode o) {
            return o;
        }
        throw new NdswException(where + ": a pycls config must be a mapping of sections (MODEL, REGNET, ...), got "
                + (n == null || n.isMissingNode() ? "nothing" : n.getNodeType().toString().toLowerCase(Locale.ROOT)));
    }
}
