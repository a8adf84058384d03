/**
 * Small reusable controls of the panels: {@link org.ndsw.ui.controls.ValueChips} edits a sorted list of integer
 * choices as chips, {@link org.ndsw.ui.controls.DisplayConverter} shows list values as text.
 */
package org.ndsw.ui.controls;
