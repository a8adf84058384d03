package org.ndsw.app.sweep;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.ToDoubleFunction;
import org.ndsw.app.Provenance;
import org.ndsw.catalog.RunData;
import org.ndsw.catalog.RunEntry;
import org.ndsw.catalog.RunStatus;
import org.ndsw.catalog.RunTicket;
import org.ndsw.train.EpochRecord;
import org.ndsw.train.ResultJson;
import org.ndsw.train.Status;
import org.ndsw.train.TrainingResult;

/** Turns a training result into what the catalogue stores: the run's fields, curves, failure reason. */
final class Outcomes {
    /** Record fields stored in columns of their own, left out of `extra`. */
    private static final Set<String> IN_COLUMNS = Set.of("net", "flops", "params", "acts", "min_test_top1",
            "final_test_top1", "test_ep_top1", "train_ep_top1", "train_ep_loss", "test_ep_loss", "optim", "rng_seed",
            "status", "error");

    private Outcomes() {}

    /** The best test error (%) of the epochs, or null before the first. */
    static Double best(List<EpochRecord> epochs) {
        return epochs.stream().mapToDouble(EpochRecord::testTop1).min().stream().boxed().findFirst().orElse(null);
    }

    /** The per-epoch curves the catalogue keeps. */
    static RunData.Curves curves(List<EpochRecord> epochs) {
        return new RunData.Curves(curve(epochs, EpochRecord::testTop1), curve(epochs, EpochRecord::trainTop1),
                curve(epochs, EpochRecord::trainLoss), curve(epochs, EpochRecord::testLoss), null, null);
    }

    /** Why a run did not finish, or null if it did. */
    static String failure(TrainingResult r) {
        if (r.status() == Status.DONE) {
            return null;
        }
        if (r.status() == Status.DIVERGED) {
            return String.format(Locale.ROOT, "diverged in epoch %d, batch %d (loss %s)", r.divergence().epoch(),
                    r.divergence().batch(), r.divergence().loss());
        }
        return r.error() == null ? "failed" : r.error();
    }

    /** The run's row: done, or failed (diverged, exception) with the epochs it finished. */
    static RunEntry entry(RunTicket t, TrainingResult r) {
        ObjectNode record = ResultJson.toJson(r);
        ObjectNode extra = record.deepCopy();
        extra.remove(IN_COLUMNS);
        ObjectNode provenance = Provenance.of("sweep worker");
        provenance.set("engine", record.get("versions"));
        provenance.set("device", record.get("device"));
        RunData data = new RunData(record.get("optim").toString(), curves(r.epochs()), extra.toString());
        return new RunEntry(t.seq(), t.seed(), r.status() == Status.DONE ? RunStatus.DONE : RunStatus.FAILED,
                best(r.epochs()), r.finalTestTop1().isPresent() ? r.finalTestTop1().getAsDouble() : null,
                r.epochs().size(), r.complexity().flops(), r.complexity().params(), r.job().recipe().baseLr(),
                r.job().recipe().weightDecay(), r.job().recipe().epochs(), r.engine().name(),
                r.host().get("name"), r.started().toString(), r.finished().toString(),
                r.epochs().stream().mapToDouble(EpochRecord::seconds).sum(), provenance.toString(), data);
    }

    /** One line for the worker log. */
    static String summary(TrainingResult r) {
        String best = r.minTestTop1().isPresent()
                ? String.format(Locale.ROOT, "best test error %.2f%%", r.minTestTop1().getAsDouble()) : "no epoch";
        String why = failure(r);
        return String.format(Locale.ROOT, "%s: %s, %d epochs (%d resumed), %.0f s%s", r.status().jsonName(), best,
                r.epochs().size(), r.resumedEpochs(), r.wallSeconds(), why == null ? "" : "; " + why);
    }

    private static double[] curve(List<EpochRecord> epochs, ToDoubleFunction<EpochRecord> f) {
        return epochs.isEmpty() ? null : epochs.stream().mapToDouble(f).toArray();
    }
}
