package dev.redline.plan.search;

/**
 * Weighted least-squares non-decreasing fit by pool-adjacent-violators (PAV). Used to denoise an SLA
 * metric that should only grow with the knob.
 */
public final class IsotonicRegression {
    private IsotonicRegression() { }

    /**
     * @param y values in knob order
     * @param w positive weights (null: all 1)
     * @return the non-decreasing sequence closest to y in weighted squared error
     */
    public static double[] fit(double[] y, double[] w) {
        int n = y.length;
        double[] mean = new double[n];
        double[] weight = new double[n];
        int[] count = new int[n];
        int blocks = 0;
        for (int i = 0; i < n; i++) {
            double wi = w == null ? 1.0 : w[i];
            if (!(wi > 0) || !Double.isFinite(y[i])) throw new IllegalArgumentException("isotonic fit needs finite values and positive weights");
            mean[blocks] = y[i];
            weight[blocks] = wi;
            count[blocks] = 1;
            blocks++;
            while (blocks > 1 && mean[blocks - 2] > mean[blocks - 1]) {
                double wsum = weight[blocks - 2] + weight[blocks - 1];
                mean[blocks - 2] = (mean[blocks - 2] * weight[blocks - 2] + mean[blocks - 1] * weight[blocks - 1]) / wsum;
                weight[blocks - 2] = wsum;
                count[blocks - 2] += count[blocks - 1];
                blocks--;
            }
        }
        double[] out = new double[n];
        int k = 0;
        for (int b = 0; b < blocks; b++) {
            for (int j = 0; j < count[b]; j++) out[k++] = mean[b];
        }
        return out;
    }
}
