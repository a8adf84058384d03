package org.ndsw.app.sweep;

import java.util.List;
import org.ndsw.catalog.RunStatus;
import org.ndsw.catalog.SweepRun;
import org.ndsw.train.Device;

/**
 * A sweep's state as read from the catalogue: every run with its status, epochs, best error, attempts and failure.
 *
 * @param device where the sweep's runs train (from its definition)
 * @param stopRequested a stop was requested and no `run` has started since
 */
public record SweepStatus(String name, Device device, boolean stopRequested, List<SweepRun> runs) {
    /** Copies the list. */
    public SweepStatus {
        runs = List.copyOf(runs);
    }

    /** Runs in the sweep. */
    public int total() {
        return runs.size();
    }

    /** Runs with this status. */
    public int count(RunStatus s) {
        return (int) runs.stream().filter(r -> r.status() == s).count();
    }
}
