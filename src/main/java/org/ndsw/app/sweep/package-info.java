/**
 * Sweeps ndsw trains itself: a population of models sampled from a design space and trained with one recipe, by K
 * worker processes that survive crashes, resume without losing or repeating work, and report progress while the
 * catalogue stays readable by other processes (the GUI, `ndsw compare catalog:NAME`).
 *
 * <p><b>For the GUI's Training panel</b> (plain Java, no JavaFX; call from a background thread or use
 * {@link org.ndsw.app.sweep.SweepService#start}):
 * <ul>
 * <li>{@link org.ndsw.app.sweep.SweepService}{@code (catalogFile)}: {@code create(SweepDefinition, workDir)} samples
 *     and queues a sweep; {@code start(name, RunOptions, SweepListener)} runs it in the background and returns a
 *     {@link org.ndsw.app.sweep.SweepHandle} ({@code stop()}, {@code isRunning()}, {@code outcome()},
 *     {@code await()}); {@code run(...)} is the blocking form; {@code requestStop(name)} stops it from any process;
 *     {@code retryFailed(name)}; {@code status(name)} is a {@link org.ndsw.app.sweep.SweepStatus} snapshot of every
 *     run; {@code definition(name)} gives back the {@link org.ndsw.app.sweep.SweepDefinition}.</li>
 * <li>{@link org.ndsw.app.sweep.SweepListener}: {@code onProgress(SweepProgress)} about twice a second (done, running,
 *     failed, pending, ETA from measured throughput, and a {@link org.ndsw.app.sweep.RunProgress} per running model:
 *     epoch, phase, fraction, error, img/s, ETA), {@code onRunEnded(SweepRun)}, {@code onMessage(String)}. Events
 *     arrive on the scheduler's thread: hand them to the FX thread.</li>
 * <li>{@link org.ndsw.app.sweep.DefinitionJson} reads and writes the definition file ({@code ndsw sweep export} and
 *     {@code import}).</li>
 * </ul>
 *
 * <p><b>How it works</b> (docs/decisions/0005): the runs are rows of the catalogue ({@link org.ndsw.catalog.RunQueue}),
 * one per (sweep, model hash, seed). {@code SweepScheduler} claims queued runs with a fresh token
 * each and starts one worker JVM per run ({@code Launcher}: same java, same class path, the engine's flags, threads
 * split between workers, output to the run's {@code worker.log}). {@link org.ndsw.app.sweep.SweepWorker}, started as
 * {@code ndsw sweep worker}, attaches its pid to the claim, resumes from the run's checkpoint if there is one, records
 * the whole curves after every epoch and the outcome at the end, each write fenced by the token, and renews a heartbeat.
 * Dead claims (dead pid on this host, stale heartbeat elsewhere) go back to the queue on the next {@code run}.
 */
package org.ndsw.app.sweep;
