/**
 * Training one model, the use case behind {@code ndsw train}: {@link org.ndsw.app.train.TrainService} resolves a
 * {@link org.ndsw.app.train.ModelSource} (net JSON, file, or space and seed), trains it through the engine-neutral
 * {@code org.ndsw.train} core and writes its record; {@link org.ndsw.app.train.TrainingProgress} words a run's
 * progress for a {@link org.ndsw.app.ProgressSink} (also used by sweep workers).
 */
package org.ndsw.app.train;
