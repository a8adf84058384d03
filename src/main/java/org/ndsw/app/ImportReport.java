package org.ndsw.app;

import java.util.List;

/** What `ndsw import` did with each input. */
public record ImportReport(List<SourceResult> sources) {
    /** Copies the list. */
    public ImportReport {
        sources = List.copyOf(sources);
    }

    /** True if any input, or any record with --skip-invalid, was rejected: the command then exits non-zero. */
    public boolean anyRejected() {
        return sources.stream().anyMatch(s -> s.outcome() == Outcome.REJECTED
                || s.sweeps().stream().anyMatch(w -> w.verification().skipped().count() > 0));
    }

    /** What happened to one input. */
    public enum Outcome {
        /** Its sweeps were written. */
        IMPORTED,
        /** The same file (name and SHA-256) was imported before; nothing was written. */
        UNCHANGED,
        /** It was refused; nothing of it was written. */
        REJECTED
    }

    /**
     * The result of one input (a file, a zip entry, or a path that could not be read).
     *
     * @param input the file as shown to the user
     * @param message why it was rejected or left unchanged; null when imported
     * @param seconds wall time spent on it
     */
    public record SourceResult(String input, Outcome outcome, String message, List<SweepResult> sweeps, long bytes,
            double seconds) {
        /** Copies the list. */
        public SourceResult {
            sweeps = List.copyOf(sweeps);
        }
    }

    /**
     * One sweep written (or found unchanged) from an input.
     *
     * @param runs runs written
     * @param models distinct models among them
     */
    public record SweepResult(String name, String space, String dataset, long runs, long models,
            VerificationReport verification) {}
}
