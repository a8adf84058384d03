package org.ndsw.train.dl4j;

/**
 * Softmax cross-entropy of a batch of logits, its gradient and the correct top-1 predictions, in double precision.
 *
 * @param sum loss summed over the batch
 * @param correct images whose largest logit is their label (first maximum wins, as argmax)
 * @param gradient d(mean loss)/d(logits), row-major [batch, classes]: (softmax - one-hot) / batch
 * @param classes number of classes
 */
record Loss(double sum, long correct, float[] gradient, int classes) {
    /** The loss of logits [n, k] (row-major) against n labels. */
    static Loss of(float[] logits, int[] labels) {
        int n = labels.length;
        int k = logits.length / n;
        float[] grad = new float[logits.length];
        double sum = 0;
        long correct = 0;
        for (int i = 0; i < n; i++) {
            int base = i * k;
            int best = 0;
            for (int j = 1; j < k; j++) {
                if (logits[base + j] > logits[base + best]) {
                    best = j;
                }
            }
            double max = logits[base + best];
            double z = 0;
            for (int j = 0; j < k; j++) {
                z += Math.exp(logits[base + j] - max);
            }
            double logZ = max + Math.log(z);
            sum += logZ - logits[base + labels[i]];
            correct += best == labels[i] ? 1 : 0;
            for (int j = 0; j < k; j++) {
                double p = Math.exp(logits[base + j] - logZ);
                grad[base + j] = (float) ((p - (j == labels[i] ? 1 : 0)) / n);
            }
        }
        return new Loss(sum, correct, grad, k);
    }
}
