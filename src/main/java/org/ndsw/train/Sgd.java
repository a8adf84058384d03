package org.ndsw.train;

/**
 * The settings of one SGD step, as PyTorch's torch.optim.SGD applies them (dampening 0):
 * d = g + wd·w; buf = momentum·buf + d (buf = d on the first step); d = d + momentum·buf if Nesterov, else d = buf;
 * w = w - lr·d. The gradient g is that of the loss CE(main logits) + auxWeight·CE(auxiliary logits) when the network
 * has an auxiliary head (DARTS train.py), of CE(main logits) otherwise.
 */
public record Sgd(double lr, double momentum, boolean nesterov, double weightDecay, double auxWeight) {
    /** A step without an auxiliary loss. */
    public Sgd(double lr, double momentum, boolean nesterov, double weightDecay) {
        this(lr, momentum, nesterov, weightDecay, 0);
    }
}
