package org.ndsw.stats;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The scipy/numpy reference values in reference.json, written once by make_reference.py in the same folder. */
final class Reference {
    private static JsonNode root;

    private Reference() {}

    /** Returns the parsed reference file (read once). */
    static synchronized JsonNode root() {
        if (root == null) {
            try (InputStream in = Reference.class.getResourceAsStream("reference.json")) {
                root = new ObjectMapper().readTree(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return root;
    }

    /** Returns a JSON array of numbers as doubles. */
    static double[] doubles(JsonNode array) {
        double[] out = new double[array.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = array.get(i).asDouble();
        }
        return out;
    }

    /** Returns a JSON array of integers as ints. */
    static int[] ints(JsonNode array) {
        int[] out = new int[array.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = array.get(i).asInt();
        }
        return out;
    }

    /** Returns the sample stored under {@code key} (plain doubles) or {@code key_hundredths} (integers / 100). */
    static double[] sample(JsonNode ksCase, String key) {
        if (ksCase.has(key)) {
            return doubles(ksCase.get(key));
        }
        JsonNode ints = ksCase.get(key + "_hundredths");
        double[] out = new double[ints.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = ints.get(i).asLong() / 100.0;
        }
        return out;
    }

    /** Returns the ks_2samp case with the given name. */
    static JsonNode ksCase(String name) {
        for (JsonNode c : root().get("ks_2samp")) {
            if (c.get("name").asText().equals(name)) {
                return c;
            }
        }
        throw new IllegalArgumentException("no ks_2samp reference case " + name);
    }
}
