package org.ndsw.ui.training;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongPredicate;
import org.ndsw.app.sweep.RunOptions;
import org.ndsw.app.sweep.SweepHandle;
import org.ndsw.app.sweep.SweepListener;
import org.ndsw.app.sweep.SweepOutcome;
import org.ndsw.app.sweep.SweepProgress;
import org.ndsw.app.sweep.SweepService;
import org.ndsw.app.sweep.RunEnds;
import org.ndsw.catalog.SweepRun;

/**
 * The training panel's process watcher: the sweeps whose schedulers run in this window, the events those schedulers
 * report, and whether a worker process elsewhere is still alive.
 *
 * <p>Thread confinement: the handles and the options each sweep was started with belong to the FX thread (plain
 * maps, read and written only there). Scheduler threads touch nothing but the hand-off: the latest progress per
 * sweep, the message lines, the "a run ended" flag and the finished outcomes, all concurrent, followed by a poke of
 * the {@link Coalescer}. The coalescer runs {@link #flush} on the FX thread, which drains the hand-off and tells the
 * panel through {@link Events}; however fast events arrive, the FX thread does one update at a time.
 */
final class SweepWatcher {
    /** What a flush tells the panel, on the FX thread. */
    interface Events {
        /** Scheduler message lines, oldest first (never empty). */
        void lines(List<String> lines);

        /** The scheduler of `name` ended with outcome `o`, or failed with `e`; its handle is gone already. */
        void ended(String name, SweepOutcome o, Throwable e);

        /** Every flush, after the above: `runEnded` is true when a run ended since the last flush. */
        void flushed(boolean runEnded);
    }

    /** True while the process `pid` runs on this machine: how a sweep trained elsewhere is told from an interrupted one. */
    static final LongPredicate ALIVE = pid -> ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);

    private final Events events;
    private final Coalescer coalescer;
    // FX thread only.
    private final Map<String, SweepHandle> handles = new HashMap<>();
    private final Map<String, RunOptions> startedWith = new HashMap<>();
    // Written by scheduler threads, drained on the FX thread.
    private final Map<String, SweepProgress> latest = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<String> messages = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<Runnable> finished = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean runEnded = new AtomicBoolean();

    /** A watcher whose flushes run on `ui` (the FX thread, or the caller in tests) and report to `events`. */
    SweepWatcher(Executor ui, Events events) {
        this.events = events;
        this.coalescer = new Coalescer(ui, this::flush);
    }

    /** Starts the scheduler of `name` in this process; its events reach {@link Events} from now on. */
    void start(SweepService service, String name, RunOptions opts) {
        SweepHandle h = service.start(name, opts, listener(name));
        handles.put(name, h);
        startedWith.put(name, opts);
        h.outcome().whenComplete((o, e) -> {
            finished.add(() -> ended(name, o, e));
            coalescer.poke();
        });
    }

    /** True while this window's scheduler runs `name`. */
    boolean isRunningHere(String name) {
        SweepHandle h = handles.get(name);
        return h != null && h.isRunning();
    }

    /** The sweeps this window's schedulers run, sorted. */
    List<String> runningHere() {
        return handles.entrySet().stream().filter(e -> e.getValue().isRunning()).map(Map.Entry::getKey).sorted()
                .toList();
    }

    /** Asks this window's scheduler of `name` to stop; false when none runs it here. */
    boolean stopHere(String name) {
        SweepHandle h = handles.get(name);
        if (h == null || !h.isRunning()) {
            return false;
        }
        h.stop();
        return true;
    }

    /** The options `name` was started with here. */
    RunOptions startedWith(String name) {
        return startedWith.get(name);
    }

    /** The latest progress of `name` while this window runs it, or null. */
    SweepProgress latest(String name) {
        return isRunningHere(name) ? latest.get(name) : null;
    }

    private SweepListener listener(String name) {
        return new SweepListener() {
            @Override
            public void onProgress(SweepProgress p) {
                latest.put(name, p);
                coalescer.poke();
            }

            @Override
            public void onRunEnded(SweepRun r) {
                messages.add(name + ": " + RunEnds.line(r));
                runEnded.set(true);
                coalescer.poke();
            }

            @Override
            public void onMessage(String line) {
                messages.add(name + ": " + line);
                coalescer.poke();
            }
        };
    }

    /** On the FX thread: takes in whatever the schedulers reported since the last flush. */
    private void flush() {
        for (Runnable r; (r = finished.poll()) != null;) {
            r.run();
        }
        List<String> lines = new ArrayList<>();
        for (String l; (l = messages.poll()) != null;) {
            lines.add(l);
        }
        if (!lines.isEmpty()) {
            events.lines(lines);
        }
        events.flushed(runEnded.getAndSet(false));
    }

    private void ended(String name, SweepOutcome o, Throwable e) {
        handles.remove(name);
        latest.remove(name);
        events.ended(name, o, e);
    }
}
