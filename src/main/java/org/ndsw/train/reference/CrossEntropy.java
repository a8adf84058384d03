package org.ndsw.train.reference;

import org.ndsw.NdswException;
import org.ndsw.train.StepResult;

/**
 * The mean softmax cross-entropy of a batch's logits [N, K] against its labels, with its gradient.
 *
 * @param meanLoss mean over the batch of log(sum_j exp z_j) - z_label
 * @param correct images whose first largest logit is their label
 * @param gradient d(mean loss)/d(logits) = (softmax(z) - onehot(label)) / N
 */
record CrossEntropy(double meanLoss, long correct, double[] gradient) {

    /** The loss of logits, N rows of k values, against labels. */
    static CrossEntropy of(double[] logits, int[] labels, int k) {
        int n = labels.length;
        double[] grad = new double[logits.length];
        double sum = 0;
        long correct = 0;
        for (int b = 0; b < n; b++) {
            int label = labels[b];
            if (label < 0 || label >= k) {
                throw new NdswException("label " + label + " of image " + b + " is not one of the " + k + " classes");
            }
            int row = b * k;
            int top = 0;
            for (int j = 1; j < k; j++) {
                top = logits[row + j] > logits[row + top] ? j : top;
            }
            double max = logits[row + top];
            double z = 0;
            for (int j = 0; j < k; j++) {
                z += Math.exp(logits[row + j] - max);
            }
            sum += Math.log(z) + max - logits[row + label];
            for (int j = 0; j < k; j++) {
                grad[row + j] = (Math.exp(logits[row + j] - max) / z - (j == label ? 1 : 0)) / n;
            }
            correct += top == label ? 1 : 0;
        }
        return new CrossEntropy(sum / n, correct, grad);
    }

    /** The step result of a batch of n images: loss summed as mean times n, like the other engines. */
    StepResult result(int n) {
        return new StepResult(meanLoss * n, correct, n);
    }
}
