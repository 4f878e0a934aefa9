package dev.fluxion.samples.mlp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fluxion.Fluxion;
import dev.fluxion.ModelGradient;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.DoubleConsumer;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/**
 * The MLP sample in a short mode, as built by fluxion-maven-plugin: a few epochs reach a held-out
 * accuracy well above chance, and Fluxion's gradient with respect to the network agrees with
 * central differences of the loss.
 */
class BreastCancerMlpTest {
    private static final int SHORT_EPOCHS = 30;

    @Test
    void theSplitIsDeterministicAndKeepsTheClassProportions() {
        Wdbc.Split split = BreastCancerMlp.DATA;
        assertEquals(398, split.training().size());
        assertEquals(171, split.heldOut().size());
        assertEquals(148, count(split.training(), Wdbc.MALIGNANT));
        assertEquals(64, count(split.heldOut(), Wdbc.MALIGNANT));
        Wdbc.Split again = Wdbc.load(BreastCancerMlp.HELD_OUT_FRACTION, BreastCancerMlp.SPLIT_SEED);
        assertEquals(split.heldOut().features()[0][0], again.heldOut().features()[0][0]);
        assertEquals(split.heldOut().labels()[170], again.heldOut().labels()[170]);
    }

    @Test
    void aShortRunClassifiesHeldOutMassesAndDrawsItsPicture() throws Exception {
        Mlp net = BreastCancerMlp.newNetwork(BreastCancerMlp.INIT_SEED);
        BreastCancerMlp.History h = BreastCancerMlp.train(net, SHORT_EPOCHS, 0);
        double accuracy = net.accuracy(BreastCancerMlp.DATA.heldOut());
        assertEquals(accuracy, h.heldOutAccuracy()[SHORT_EPOCHS - 1]);
        assertTrue(accuracy > 0.94, "held-out accuracy " + accuracy + " after " + SHORT_EPOCHS + " epochs");
        assertTrue(h.loss()[SHORT_EPOCHS - 1] < h.loss()[0] / 4, "the loss fell from " + h.loss()[0] + " to "
                + h.loss()[SHORT_EPOCHS - 1]);

        Path png = Path.of("target", "test-pictures", "mlp-wdbc.png");
        Files.createDirectories(png.getParent());
        Files.deleteIfExists(png);
        TrainingChart.write(h, png);
        BufferedImage image = ImageIO.read(png.toFile());
        assertEquals(1280, image.getWidth());
        assertEquals(420, image.getHeight());
    }

    /** Fluxion's derivatives against (L(w + h) - L(w - h)) / 2h, each weight moved in the network itself. */
    @Test
    void theGradientOfTheNetworkAgreesWithCentralDifferences() {
        Mlp net = BreastCancerMlp.newNetwork(7);
        BreastCancerMlp.train(net, 3, 0); // away from the initial weights' symmetries
        ModelGradient<Mlp> gradient = Fluxion.modelGradient(BreastCancerMlp::loss);
        Mlp grad = gradient.gradient(net);
        assertNotSame(net.hidden.w, grad.hidden.w);
        assertEquals(BreastCancerMlp.loss(net), gradient.valueAndGradient(net, grad), 1e-15);

        int checked = 0;
        for (int[] ij : List.of(new int[] {0, 0}, new int[] {5, 12}, new int[] {15, 29}, new int[] {9, 3})) {
            double[] row = net.hidden.w[ij[0]];
            int j = ij[1];
            checked += check("hidden.w[" + ij[0] + "][" + j + "]", grad.hidden.w[ij[0]][j], row[j], v -> row[j] = v, net);
        }
        for (int i : new int[] {0, 6, 13}) {
            checked += check("hidden.b[" + i + "]", grad.hidden.b[i], net.hidden.b[i], v -> net.hidden.b[i] = v, net);
        }
        for (int[] ij : List.of(new int[] {0, 0}, new int[] {1, 4}, new int[] {1, 15})) {
            double[] row = net.output.w[ij[0]];
            int j = ij[1];
            checked += check("output.w[" + ij[0] + "][" + j + "]", grad.output.w[ij[0]][j], row[j], v -> row[j] = v, net);
        }
        for (int i : new int[] {0, 1}) {
            checked += check("output.b[" + i + "]", grad.output.b[i], net.output.b[i], v -> net.output.b[i] = v, net);
        }
        assertEquals(12, checked);
        double sum = grad.output.b[0] + grad.output.b[1];
        assertEquals(0, sum, 1e-12, "a softmax's logits shift together without changing the loss");
    }

    private static int check(String name, double derivative, double w, DoubleConsumer set, Mlp net) {
        double h = 1e-5;
        set.accept(w + h);
        double plus = BreastCancerMlp.loss(net);
        set.accept(w - h);
        double minus = BreastCancerMlp.loss(net);
        set.accept(w);
        double difference = (plus - minus) / (2 * h);
        assertEquals(difference, derivative, 1e-8 + 1e-6 * Math.abs(difference), name);
        assertTrue(Math.abs(derivative) > 1e-6, name + ": a derivative that tells something (" + derivative + ")");
        return 1;
    }

    private static int count(Examples examples, int label) {
        int n = 0;
        for (int y : examples.labels()) {
            n += y == label ? 1 : 0;
        }
        return n;
    }
}
