package org.medfed.analytics.gwas.synthetic;

/** GRCh38 lengths of chromosomes 1-22, to place synthetic variants where a real genome has room. */
final class ChromosomeLengths {

    static final int[] GRCH38 = {248_956_422, 242_193_529, 198_295_559, 190_214_555, 181_538_259, 170_805_979,
        159_345_973, 145_138_636, 138_394_717, 133_797_422, 135_086_622, 133_275_309, 114_364_328, 107_043_718,
        101_991_189, 90_338_345, 83_257_441, 80_373_285, 58_617_616, 64_444_167, 46_709_983, 50_818_468};

    private ChromosomeLengths() {
    }

    static long total() {
        long sum = 0;
        for (int length : GRCH38) {
            sum += length;
        }
        return sum;
    }
}
