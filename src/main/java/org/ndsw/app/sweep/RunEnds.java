package org.ndsw.app.sweep;

import java.util.Locale;
import org.ndsw.catalog.RunStatus;
import org.ndsw.catalog.SweepRun;

/** One line saying how a run's worker ended, for the CLI's output and the GUI's log. */
public final class RunEnds {
    private RunEnds() {}

    /**
     * "run 3: done, best error 41.20% after 5 epochs", "run 3: failed after 2 epochs: diverged ..." or "run 3: stopped
     * after 2 of 5 epochs, back in the queue".
     */
    public static String line(SweepRun r) {
        String best = r.error() == null ? "" : String.format(Locale.ROOT, ", best error %.2f%%", r.error());
        String epochs = r.epochs() + (r.maxEpochs() == null ? "" : " of " + r.maxEpochs()) + " epoch"
                + (r.epochs() == 1 && r.maxEpochs() == null ? "" : "s");
        if (r.status() == RunStatus.DONE) {
            return String.format(Locale.ROOT, "run %d: done%s after %d epoch%s", r.seq(), best, r.epochs(),
                    r.epochs() == 1 ? "" : "s");
        }
        if (r.status() == RunStatus.FAILED) {
            return String.format(Locale.ROOT, "run %d: failed after %s%s: %s", r.seq(), epochs, best,
                    r.failure() == null ? "no reason recorded" : r.failure());
        }
        return String.format(Locale.ROOT, "run %d: stopped after %s%s, back in the queue", r.seq(), epochs, best);
    }
}
