package org.ndsw.train.reference;

import java.util.LinkedHashMap;
import java.util.Map;
import org.ndsw.train.Sgd;

/**
 * SGD with momentum (optionally Nesterov) and L2 weight decay, step for step as torch.optim.SGD with dampening 0 and
 * the other engines' optimizers: d = g + wd·w; b = m·b + d (b = d on the first step); d = d + m·b if Nesterov, else
 * d = b; w = w - lr·d.
 */
final class MomentumSgd {
    private final Map<String, double[]> buffers = new LinkedHashMap<>();

    /** Applies one step to every tensor named in the gradients (which it overwrites). */
    void step(Parameters params, Map<String, double[]> gradients, Sgd sgd) {
        gradients.forEach((name, d) -> update(params.get(name), d, name, sgd));
    }

    private void update(double[] w, double[] d, String name, Sgd sgd) {
        double m = sgd.momentum();
        for (int i = 0; i < w.length; i++) {
            d[i] += sgd.weightDecay() * w[i];
        }
        double[] step = d;
        if (m != 0) {
            double[] b = buffers.get(name);
            if (b == null) {
                b = d.clone();
                buffers.put(name, b);
            } else {
                for (int i = 0; i < b.length; i++) {
                    b[i] = m * b[i] + d[i];
                }
            }
            if (sgd.nesterov()) {
                for (int i = 0; i < d.length; i++) {
                    d[i] += m * b[i];
                }
            } else {
                step = b;
            }
        }
        for (int i = 0; i < w.length; i++) {
            w[i] -= sgd.lr() * step[i];
        }
    }

    /** The momentum buffers by parameter name (empty before the first step with momentum). */
    Map<String, double[]> buffers() {
        return buffers;
    }

    /** Replaces the momentum buffers. */
    void setBuffers(Map<String, double[]> state) {
        buffers.clear();
        state.forEach((name, b) -> buffers.put(name, b.clone()));
    }
}
