/**
 * The JavaFX workbench. {@link org.ndsw.ui.Launcher} starts {@link org.ndsw.ui.WorkbenchApp} (the window over the
 * default catalogue), {@link org.ndsw.ui.Workbench} builds its menus, one tab per panel, the status bar and the drop
 * target for NDS data, and {@link org.ndsw.ui.WorkbenchPrefs} keeps its layout in java.util.prefs, with the last
 * folder of file dialogs in {@link org.ndsw.ui.LastFolder}; {@link org.ndsw.ui.Dialogs} and
 * {@link org.ndsw.ui.FileDialogs} are the shared dialogs. Each panel is a sub-package (spaces, compare, catalog,
 * training, analysis) with a View that only binds and a ViewModel of properties that calls the {@code org.ndsw.app} use cases
 * through {@code ui.task}, off the FX thread. See docs/gui.md.
 */
package org.ndsw.ui;
