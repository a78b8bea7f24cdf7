package org.medfed.privacy.dp;

import java.util.stream.DoubleStream;
import java.util.stream.IntStream;

/** Sets of Renyi orders at which privacy is tracked; the conversion to epsilon takes the best one. */
public final class RdpOrders {

    private RdpOrders() {
    }

    /** 1.1, 1.2, ..., 10.9 and 12, ..., 63: the default of Opacus and of TensorFlow Privacy's tutorials. */
    public static double[] opacusDefault() {
        return DoubleStream.concat(tenths(), IntStream.range(12, 64).mapToDouble(x -> x)).toArray();
    }

    /**
     * 1.1, ..., 10.9, 11, ..., 63, 64, 128, 256, 512 (TensorFlow Privacy's current default list): the large
     * orders matter when strong noise is used for few rounds. Our default.
     */
    public static double[] extended() {
        return DoubleStream.concat(
                DoubleStream.concat(tenths(), IntStream.range(11, 64).mapToDouble(x -> x)),
                DoubleStream.of(64, 128, 256, 512)).toArray();
    }

    private static DoubleStream tenths() {
        return IntStream.rangeClosed(1, 99).mapToDouble(x -> 1 + x / 10.0);
    }
}
