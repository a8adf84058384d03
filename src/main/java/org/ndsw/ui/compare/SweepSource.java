package org.ndsw.ui.compare;

import java.util.List;

/** The sweeps of the open catalogue as the compare panel sees them: their names and a set for each. */
public interface SweepSource {
    /** No catalogue: no sweeps. */
    SweepSource NONE = new SweepSource() {
        @Override
        public List<String> names() {
            return List.of();
        }

        @Override
        public CompareInput input(String name) {
            throw new IllegalStateException("no catalogue is open");
        }
    };

    /** The sweep names, as the catalogue panel last read them (no query on the FX thread). */
    List<String> names();

    /** The set of models of one sweep. */
    CompareInput input(String name);
}
