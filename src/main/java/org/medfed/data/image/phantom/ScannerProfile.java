package org.medfed.data.image.phantom;

/**
 * How one hospital's scanner turns the phantom's tissue values into stored pixels:
 * {@code stored = round(gain * tissue + offset + noise)}, noise Gaussian with {@code noiseSigma}, clamped to
 * 12 bits. Hospitals also differ in image size, pixel spacing and how often a lesion is present, as real
 * sites do (different vendors, protocols and referral patterns).
 *
 * @param hospital folder name, such as "hospital-a"
 * @param institution InstitutionName written in the files
 * @param modality "MR" or "CT" (CT stores HU + 1024 with RescaleIntercept -1024; tissue values are then HU)
 * @param size rows and columns
 * @param pixelSpacingMm PixelSpacing
 * @param gain multiplicative intensity scale
 * @param offset additive intensity offset
 * @param noiseSigma standard deviation of the additive Gaussian noise, in stored units
 * @param lesionFraction share of images with a lesion (rounded to a whole number of images)
 */
public record ScannerProfile(String hospital, String institution, String modality, int size, double pixelSpacingMm,
        double gain, double offset, double noiseSigma, double lesionFraction) {

    public ScannerProfile {
        if (!modality.equals("MR") && !modality.equals("CT")) {
            throw new IllegalArgumentException("modality must be MR or CT, not " + modality);
        }
        if (size < 16 || size > 1024) {
            throw new IllegalArgumentException("size must be 16 to 1024 pixels, not " + size);
        }
        if (lesionFraction < 0 || lesionFraction > 1) {
            throw new IllegalArgumentException("lesionFraction must be in [0, 1]");
        }
    }
}
