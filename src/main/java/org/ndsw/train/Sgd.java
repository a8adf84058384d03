package org.ndsw.train;

/**
 * The settings of one SGD step, as PyTorch's torch.optim.SGD applies them (dampening 0):
 * d = g + wd·w; buf = momentum·buf + d (buf = d on the first step); d = d + momentum·buf if Nesterov, else d = buf;
 * w = w - lr·d.
 */
public record Sgd(double lr, double momentum, boolean nesterov, double weightDecay) {}
