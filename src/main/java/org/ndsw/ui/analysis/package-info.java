/**
 * The analysis panel (issue 18): the good range of every parameter of the study's sets, the views of the analysis
 * (error against a parameter with its good range shaded, the 2-D rank map, the curves of the best and worst runs), and
 * the refinement loop: a child design space from a good range or a picked constraint, its sweep trained in the
 * background, and parent against child in Compare. {@link org.ndsw.ui.analysis.AnalysisViewModel} holds the state and
 * runs the work on a {@link org.ndsw.ui.task.TaskRunner}; {@link org.ndsw.app.space.Refinement} (shared with
 * {@code ndsw space refine}) and {@link org.ndsw.ui.analysis.ChildSweep} are the refine and sweep steps without any
 * window;
 * {@link org.ndsw.ui.analysis.AnalysisView} only binds; {@link org.ndsw.ui.analysis.AnalysisPanel} wires them.
 */
package org.ndsw.ui.analysis;
