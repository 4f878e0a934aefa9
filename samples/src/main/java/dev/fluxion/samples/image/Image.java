package dev.fluxion.samples.image;

import java.awt.image.BufferedImage;
import java.awt.image.WritableRaster;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.function.DoubleUnaryOperator;
import javax.imageio.ImageIO;

/**
 * A picture as numbers: {@code width x height} pixels of {@code channels} samples each (3 for RGB),
 * values in [0, 1] as they are stored in the file (sRGB-encoded, not linear light), row by row,
 * the channels of a pixel side by side. Nothing here knows about derivatives.
 */
public record Image(int width, int height, int channels, double[] samples) {
    public Image {
        if (samples.length != width * height * channels) {
            throw new IllegalArgumentException(width + "x" + height + "x" + channels + " samples expected, not "
                    + samples.length);
        }
    }

    /** The sample of channel c at column x, row y. */
    public double get(int x, int y, int c) {
        return samples[(y * width + x) * channels + c];
    }

    /** The sample at (x, y), the picture's edge repeated beyond it (ImageMagick's default, "edge"). */
    public double getClamped(int x, int y, int c) {
        return get(Math.min(Math.max(x, 0), width - 1), Math.min(Math.max(y, 0), height - 1), c);
    }

    /** A new image, f applied to every sample of this one. */
    public Image map(DoubleUnaryOperator f) {
        double[] out = new double[samples.length];
        for (int i = 0; i < samples.length; i++) {
            out[i] = f.applyAsDouble(samples[i]);
        }
        return new Image(width, height, channels, out);
    }

    /**
     * A new image, each channel convolved with {@code kernel} (odd sides, centred on the pixel;
     * {@code kernel[j][i]} weighs the pixel i - r columns right and j - r rows down).
     */
    public Image convolve(double[][] kernel) {
        int ry = kernel.length / 2;
        int rx = kernel[0].length / 2;
        double[] out = new double[samples.length];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                for (int c = 0; c < channels; c++) {
                    double sum = 0;
                    for (int j = 0; j < kernel.length; j++) {
                        for (int i = 0; i < kernel[j].length; i++) {
                            sum += kernel[j][i] * getClamped(x + i - rx, y + j - ry, c);
                        }
                    }
                    out[(y * width + x) * channels + c] = sum;
                }
            }
        }
        return new Image(width, height, channels, out);
    }

    /** The mean of the squared differences between this image's samples and the other's. */
    public double meanSquaredDifference(Image other) {
        double sum = 0;
        for (int i = 0; i < samples.length; i++) {
            double d = samples[i] - other.samples[i];
            sum += d * d;
        }
        return sum / samples.length;
    }

    /** An image read by ImageIO (PNG, JPEG, ...): one channel if it is grey, else its red, green and blue, 8 bits each. */
    public static Image read(InputStream in) throws IOException {
        BufferedImage picture = ImageIO.read(in);
        if (picture == null) {
            throw new IOException("not a picture ImageIO can read");
        }
        boolean grey = picture.getType() == BufferedImage.TYPE_BYTE_GRAY;
        int channels = grey ? 1 : 3;
        int width = picture.getWidth();
        int height = picture.getHeight();
        double[] samples = new double[width * height * channels];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int i = (y * width + x) * channels;
                if (grey) {
                    samples[i] = picture.getRaster().getSample(x, y, 0) / 255.0;
                } else {
                    int rgb = picture.getRGB(x, y); // whatever the file's layout or palette
                    samples[i] = (rgb >> 16 & 0xff) / 255.0;
                    samples[i + 1] = (rgb >> 8 & 0xff) / 255.0;
                    samples[i + 2] = (rgb & 0xff) / 255.0;
                }
            }
        }
        return new Image(width, height, channels, samples);
    }

    /** The image of that name beside {@code type}'s class file. */
    public static Image resource(Class<?> type, String name) {
        try (InputStream in = type.getResourceAsStream(name)) {
            if (in == null) {
                throw new IOException("no resource " + name + " beside " + type.getName());
            }
            return read(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes the image as a PNG of 8 bits per sample, each sample clamped to [0, 1] and rounded. */
    public void write(Path png) throws IOException {
        BufferedImage picture = new BufferedImage(width, height,
                channels == 1 ? BufferedImage.TYPE_BYTE_GRAY : BufferedImage.TYPE_INT_RGB);
        WritableRaster raster = picture.getRaster();
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                for (int c = 0; c < channels; c++) {
                    double v = Math.min(1, Math.max(0, get(x, y, c)));
                    raster.setSample(x, y, c, (int) Math.round(255 * v));
                }
            }
        }
        ImageIO.write(picture, "png", png.toFile());
    }
}
