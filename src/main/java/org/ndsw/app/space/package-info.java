/**
 * Use cases over design spaces: {@link org.ndsw.app.space.SamplingService} draws models within a complexity window
 * ({@code ndsw sample}, and the sweeps of {@code app.sweep}); {@link org.ndsw.app.space.SpacePreview} is what the
 * space editor shows while a user edits (exact size, complexity of samples, one example).
 */
package org.ndsw.app.space;
