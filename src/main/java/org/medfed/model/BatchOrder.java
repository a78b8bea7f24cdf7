package org.medfed.model;

import java.util.SplittableRandom;

/**
 * Mini-batches over seeded shuffled passes of the data; a new shuffle starts when a pass is used up, and the
 * last batch of a pass may be smaller (PyTorch's DataLoader with shuffle and drop_last=False, as FLamby uses).
 */
class BatchOrder {

    private final int size;
    private final int batchSize;
    private final SplittableRandom random;
    private final int[] order;
    private int position;

    BatchOrder(int size, int batchSize, long seed) {
        this.size = size;
        this.batchSize = batchSize;
        this.random = new SplittableRandom(seed);
        this.order = new int[size];
        for (int i = 0; i < size; i++) {
            order[i] = i;
        }
        shuffle();
    }

    int[] next() {
        if (position >= size) {
            shuffle();
        }
        int end = Math.min(size, position + batchSize);
        int[] batch = new int[end - position];
        System.arraycopy(order, position, batch, 0, batch.length);
        position = end;
        return batch;
    }

    /**
     * Batches in which each example takes part independently with probability {@code rate} (Poisson sampling,
     * what the DP-SGD accountant assumes): their size varies and may be zero.
     */
    static BatchOrder poisson(int size, double rate, long seed) {
        return new BatchOrder(size, 1, seed) {
            private final SplittableRandom draws = new SplittableRandom(seed ^ 0x9E3779B97F4A7C15L);

            @Override
            int[] next() {
                int[] picked = new int[size];
                int n = 0;
                for (int i = 0; i < size; i++) {
                    if (draws.nextDouble() < rate) {
                        picked[n++] = i;
                    }
                }
                return java.util.Arrays.copyOf(picked, n);
            }
        };
    }

    /** The rows of one gradient: all of them, or one seeded batch of {@code batchSize} when that is fewer. */
    static int[] gradientRows(int size, int batchSize, long seed) {
        return batchSize <= 0 || batchSize >= size ? all(size) : new BatchOrder(size, batchSize, seed).next();
    }

    static int[] all(int size) {
        int[] rows = new int[size];
        for (int i = 0; i < size; i++) {
            rows[i] = i;
        }
        return rows;
    }

    private void shuffle() {
        for (int i = size - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        position = 0;
    }
}
