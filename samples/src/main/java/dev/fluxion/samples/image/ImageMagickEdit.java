package dev.fluxion.samples.image;

/**
 * What ImageMagick did to make the edited picture, {@code convert chelsea.png -sigmoidal-contrast
 * 6x40% -blur 1x0.8 PNG24:chelsea-edited.png} (ImageMagick 6.9.11 Q16), redone from its definitions:
 * what the learnt edit is compared with. Nothing here is learnt or differentiated.
 */
final class ImageMagickEdit {
    /** {@code -sigmoidal-contrast 6x40%}: contrast 6, midpoint 0.4. */
    static final double CONTRAST = 6;
    static final double MIDPOINT = 0.4;
    /** {@code -blur 1x0.8}: this kernel along x, then along y, as {@code -define showkernel=1} prints it. */
    static final double[] BLUR = {0.249733, 0.500534, 0.249733};
    /**
     * ImageMagick writes an 8-bit PNG by truncating its 16-bit samples, not by rounding them: the
     * edited picture is darker than the exact edit by half a level of 255 on average.
     */
    static final double TRUNCATION_BIAS = 0.5 / 255;

    private ImageMagickEdit() {
    }

    /** The sigmoidal contrast curve at v (ImageMagick's enhance.c, ScaledSigmoidal). */
    static double curve(double v) {
        double low = Math.tanh(0.5 * CONTRAST * (0 - MIDPOINT));
        double high = Math.tanh(0.5 * CONTRAST * (1 - MIDPOINT));
        return (Math.tanh(0.5 * CONTRAST * (v - MIDPOINT)) - low) / (high - low);
    }

    /** The blur as one 3x3 kernel: the kernel along x times the kernel along y. */
    static double[][] kernel() {
        double[][] kernel = new double[BLUR.length][BLUR.length];
        for (int j = 0; j < BLUR.length; j++) {
            for (int i = 0; i < BLUR.length; i++) {
                kernel[j][i] = BLUR[i] * BLUR[j];
            }
        }
        return kernel;
    }

    /** The edit before it was written to 8 bits: the curve, then the blur. */
    static Image exact(Image image) {
        return image.map(ImageMagickEdit::curve).convolve(kernel());
    }

    /** The edit as ImageMagick made it: samples held as 16-bit integers between steps, truncated to 8 bits at the end. */
    static Image redo(Image image) {
        return image.map(ImageMagickEdit::curve).map(ImageMagickEdit::to16Bits).convolve(kernel())
                .map(ImageMagickEdit::to16Bits).map(v -> Math.floor(v * 65535 / 257) / 255);
    }

    private static double to16Bits(double v) {
        return Math.round(65535 * Math.min(1, Math.max(0, v))) / 65535.0;
    }
}
