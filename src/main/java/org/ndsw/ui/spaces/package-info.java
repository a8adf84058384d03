/**
 * The design spaces panel: a View that only binds ({@link org.ndsw.ui.spaces.SpacesView}) over
 * {@link org.ndsw.ui.spaces.SpacesViewModel} (the list of built-in and user spaces, {@link org.ndsw.ui.spaces.SpaceEntry},
 * and the file actions) and {@link org.ndsw.ui.spaces.SpaceEditorViewModel} (the space being edited, validated on every
 * change, with a live preview from {@code app.space} computed off the FX thread; stages as
 * {@link org.ndsw.ui.spaces.StageDraft}). {@link org.ndsw.ui.spaces.SpacesActions} are the actions that need the
 * window; {@link org.ndsw.ui.spaces.SpacesPanel} wires the three.
 */
package org.ndsw.ui.spaces;
