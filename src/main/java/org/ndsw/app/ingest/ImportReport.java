package org.ndsw.app.ingest;

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

    /** The downloads of the inputs given as URLs, in order, each once. */
    public List<Download.Result> downloads() {
        return sources.stream().map(SourceResult::download).filter(java.util.Objects::nonNull).distinct().toList();
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
     * @param download the download the input came from when it was given as a URL, else null
     */
    public record SourceResult(String input, Outcome outcome, String message, List<SweepResult> sweeps, long bytes,
            double seconds, Download.Result download) {
        /** Copies the list. */
        public SourceResult {
            sweeps = List.copyOf(sweeps);
        }

        /** The result of a local input. */
        public SourceResult(String input, Outcome outcome, String message, List<SweepResult> sweeps, long bytes,
                double seconds) {
            this(input, outcome, message, sweeps, bytes, seconds, null);
        }

        /** The same result, noted as coming from `d`. */
        public SourceResult from(Download.Result d) {
            return new SourceResult(input, outcome, message, sweeps, bytes, seconds, d);
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
