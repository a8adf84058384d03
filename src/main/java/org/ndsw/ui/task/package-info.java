/**
 * Running service calls off the FX thread: {@link org.ndsw.ui.task.TaskRunner} hands back a
 * {@link org.ndsw.ui.task.TaskHandle} whose success and failure callbacks run on the FX thread.
 * {@link org.ndsw.ui.task.FxTaskRunner} is the workbench's runner, the only user of {@code javafx.concurrent.Task};
 * {@link org.ndsw.ui.task.DirectTaskRunner} runs tasks synchronously for view-model tests and fails loudly on a
 * failure that no {@code onFailure} handles.
 */
package org.ndsw.ui.task;
