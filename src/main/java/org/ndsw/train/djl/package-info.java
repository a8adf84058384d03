/**
 * The DJL engine over PyTorch: the only package that imports DJL.
 *
 * <p>{@link org.ndsw.train.djl.GraphBlock} evaluates any network graph with one DJL block per conv, BN and fc node;
 * parameter-free ops are computed directly ({@code Ops}). The optimizer is torch.optim.SGD's update written out
 * ({@code NesterovSgd}), since DJL's own SGD has no Nesterov momentum. Every step runs in its own NDManager.
 */
package org.ndsw.train.djl;
