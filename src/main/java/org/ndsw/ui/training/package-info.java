/**
 * The training panel: a View that only binds ({@link org.ndsw.ui.training.TrainingView}) over
 * {@link org.ndsw.ui.training.TrainingViewModel}, which creates sweeps from the {@link org.ndsw.ui.training.SweepForm}
 * and runs them through {@link org.ndsw.app.sweep.SweepService} (scheduler thread in this process, one worker JVM per
 * run). The view model is split in three parts: the sweep list ({@code SweepList}), the selected sweep's runs
 * ({@code SweepRuns}) and the process watcher ({@code SweepWatcher}: this window's schedulers, their events, whether
 * a process elsewhere is alive). All of it is confined to the FX thread except the watcher's hand-off, which
 * scheduler threads fill and a {@link org.ndsw.ui.training.Coalescer} drains on the FX thread: one pending update at a
 * time. Closing the window while a sweep runs here either stops it (workers checkpoint and exit) or hands it to a
 * background `ndsw sweep run` process ({@link org.ndsw.app.sweep.SweepService#handOver}); see docs/gui.md.
 */
package org.ndsw.ui.training;
