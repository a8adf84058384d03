package org.ndsw.app.compare;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ndsw.stats.ComplexityWindow;
import org.ndsw.stats.RandomSearch;

/**
 * The outcome of comparing sets of models.
 *
 * @param options what was asked
 * @param window the complexity window used, or null when not normalizing
 * @param sets one result per set, in the order given
 * @param pairs every pair (i, j), i &lt; j, in order
 * @param randomSearch the random-search curve of each set by label (empty unless asked), in set order
 */
public record CompareResult(CompareOptions options, ComplexityWindow window, List<SetResult> sets,
                            List<PairResult> pairs, Map<String, List<RandomSearch.Point>> randomSearch) {
    /** Copies the collections. */
    public CompareResult {
        sets = List.copyOf(sets);
        pairs = List.copyOf(pairs);
        randomSearch = Collections.unmodifiableMap(new LinkedHashMap<>(randomSearch));
    }
}
