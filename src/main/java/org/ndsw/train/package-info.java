/**
 * Training of sampled networks on CIFAR-10 with the recipe of the released data (docs/reference/nds-json.md#training-recipe), engine-neutral.
 *
 * <p>{@link org.ndsw.train.TrainingService} runs the loop (cosine schedule per epoch, divergence check, evaluation,
 * checkpoints, timing) and writes an NDS-style record ({@link org.ndsw.train.ResultJson}); the arithmetic happens in a
 * {@link org.ndsw.train.TrainingEngine} found through {@link java.util.ServiceLoader}. Engines build their models from
 * the network graph of {@code org.ndsw.net}, start from the same {@link org.ndsw.train.WeightInit} weights and expose
 * them under the names of {@link org.ndsw.train.ParameterLayout}, so weights and optimizer state move between engines.
 * Nothing here imports an engine library.
 */
package org.ndsw.train;
