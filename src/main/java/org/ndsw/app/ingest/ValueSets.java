package org.ndsw.app.ingest;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The distinct values seen per hyperparameter of a sweep, at most {@link #CAP} per key.
 *
 * <p>The paper's design spaces are partly reconstructed (docs/reference/spaces.md); these sets show what real data contains.
 * Values are Long, Double, Boolean or String; numbers sort numerically and before text.
 */
public final class ValueSets {
    /** Most values kept per key; further distinct values only mark the key as truncated. */
    public static final int CAP = 64;

    private static final Comparator<Object> ORDER = (a, b) -> {
        if (a instanceof Number x && b instanceof Number y) {
            return Double.compare(x.doubleValue(), y.doubleValue());
        }
        if (a instanceof Number != b instanceof Number) {
            return a instanceof Number ? -1 : 1;
        }
        return a.toString().compareTo(b.toString());
    };

    private final Map<String, TreeSet<Object>> sets = new LinkedHashMap<>();
    private final Map<String, Boolean> truncated = new LinkedHashMap<>();

    /** Records one value of a key. */
    public void add(String key, Object value) {
        TreeSet<Object> s = sets.computeIfAbsent(key, k -> new TreeSet<>(ORDER));
        if (s.size() < CAP) {
            s.add(value);
        } else if (!s.contains(value)) {
            truncated.put(key, true);
        }
    }

    /** The keys and their sorted values, in the order keys were first seen. */
    public Map<String, List<Object>> values() {
        Map<String, List<Object>> out = new LinkedHashMap<>();
        sets.forEach((k, v) -> out.put(k, List.copyOf(new ArrayList<>(v))));
        return out;
    }

    /** The keys that had more than {@link #CAP} distinct values. */
    public List<String> truncatedKeys() {
        return List.copyOf(truncated.keySet());
    }
}
