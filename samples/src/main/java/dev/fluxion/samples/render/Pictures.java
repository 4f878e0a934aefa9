package dev.fluxion.samples.render;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/** Grey-level images as PNG, gamma-corrected and enlarged so that the pixels show. */
final class Pictures {
    static final int SCALE = 8;

    private Pictures() {
    }

    static void write(double[] image, int size, Path png) throws IOException {
        BufferedImage picture = new BufferedImage(size * SCALE, size * SCALE, BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < size * SCALE; y++) {
            for (int x = 0; x < size * SCALE; x++) {
                double v = Math.min(1, Math.max(0, image[(y / SCALE) * size + x / SCALE]));
                int grey = (int) Math.round(255 * Math.pow(v, 1 / 2.2));
                picture.getRaster().setSample(x, y, 0, grey);
            }
        }
        ImageIO.write(picture, "png", png.toFile());
    }
}
