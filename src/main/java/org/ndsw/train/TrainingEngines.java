package org.ndsw.train;

import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import org.ndsw.NdswException;
import org.ndsw.Quote;

/** Finds the training engines on the class path (META-INF/services/org.ndsw.train.TrainingEngine). */
public final class TrainingEngines {
    /** The engine used when none is named. */
    public static final String DEFAULT = "djl";

    private TrainingEngines() {}

    /** Every engine found, in class-path order. */
    public static List<TrainingEngine> all() {
        List<TrainingEngine> out = new ArrayList<>();
        ServiceLoader.load(TrainingEngine.class).forEach(out::add);
        return out;
    }

    /** The engine of this name (case-insensitive). */
    public static TrainingEngine find(String name) {
        List<TrainingEngine> all = all();
        for (TrainingEngine e : all) {
            if (e.name().equalsIgnoreCase(name)) {
                return e;
            }
        }
        throw new NdswException("unknown engine " + Quote.of(name) + "; available: "
                + all.stream().map(TrainingEngine::name).toList());
    }
}
