package org.ndsw.ui.training;

import java.util.Locale;
import org.ndsw.app.sweep.SweepStatus;
import org.ndsw.catalog.RunStatus;
import org.ndsw.catalog.SweepRun;

/**
 * A trainable sweep in the list with its counts and state.
 *
 * @param started runs a worker was started on at least once (finished, failed, running, or stopped part-way)
 * @param here true while this window's scheduler runs it
 * @param elsewhere runs held by a live process that is not this window's scheduler (a `sweep run` or a scheduler
 *     left running by a closed window)
 */
public record SweepItem(String name, int total, int done, int running, int failed, int queued, int started,
        boolean here, int elsewhere) {
    /** The counts of a status; `here` and the live-process test come from the caller. */
    static SweepItem of(SweepStatus s, boolean here, java.util.function.LongPredicate alive) {
        int elsewhere = here ? 0 : (int) s.runs().stream().filter(r -> r.status() == RunStatus.RUNNING
                && r.ownerPid() != null && alive.test(r.ownerPid())).count();
        return new SweepItem(s.name(), s.total(), s.count(RunStatus.DONE), s.count(RunStatus.RUNNING),
                s.count(RunStatus.FAILED), s.count(RunStatus.QUEUED), (int) s.runs().stream().filter(r -> r.attempts() > 0
                        || r.epochs() > 0 || r.status() != RunStatus.QUEUED).count(), here, elsewhere);
    }

    /** True when runs are left and nothing trains them: resume picks up where they stopped. */
    public boolean interrupted() {
        return !here && elsewhere == 0 && queued + running > 0 && started > 0;
    }

    /** In words, for the list. */
    public String state() {
        if (here) {
            return "training";
        }
        if (elsewhere > 0) {
            return "training in another process";
        }
        if (queued + running == 0) {
            return failed > 0 ? "finished, " + failed + " failed" : "finished";
        }
        return started == 0 ? "not started" : "interrupted — resume";
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%s   %d/%d done · %s", name, done, total, state());
    }

    /** True for a run that is claimed but no longer owned by a live process. */
    static boolean orphan(SweepRun r, java.util.function.LongPredicate alive) {
        return r.status() == RunStatus.RUNNING && (r.ownerPid() == null || !alive.test(r.ownerPid()));
    }
}
