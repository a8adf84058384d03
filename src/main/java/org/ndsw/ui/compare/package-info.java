/**
 * The compare panel: a View that only binds ({@link org.ndsw.ui.compare.CompareView}) over
 * {@link org.ndsw.ui.compare.CompareViewModel}, which holds the inputs ({@link org.ndsw.ui.compare.CompareInput}: a
 * file, or a catalogue sweep from a {@link org.ndsw.ui.compare.SweepSource}) and the paper's controls, recomputes
 * through {@code app.compare} off the FX thread on every change and publishes only the newest result.
 * {@link org.ndsw.ui.compare.CompareActions} are the actions that need the window (file choosers, dialogs);
 * {@link org.ndsw.ui.compare.ComparePanel} wires the three.
 */
package org.ndsw.ui.compare;
