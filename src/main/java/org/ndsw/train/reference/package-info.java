/**
 * The reference engine: every op of the graph vocabulary, forward and backward, in double precision with plain loops.
 *
 * <p>{@link org.ndsw.train.reference.ReferenceEngine} builds a {@link org.ndsw.train.reference.ReferenceModel} that
 * trains exactly as the other engines do (mean softmax cross-entropy, PyTorch's BN and torch.optim.SGD) and exposes
 * plain gradients, so tests and self-tests can tell which engine is wrong when two disagree. Kernels are small
 * classes ({@code Conv2d}, {@code Pool2d}, {@code BatchNorm2d}) driven node by node by {@code GraphPass}. Slow by
 * design, it is not found through {@link java.util.ServiceLoader}.
 */
package org.ndsw.train.reference;
