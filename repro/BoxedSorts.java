import dev.fluxion.Differentiable;
import dev.fluxion.Fluxion;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;

/**
 * Two other ways a Java developer sorts residuals, both rejected by fluxion.jar of 93162bc and by the build installed
 * in ~/.m2 at 06:06:
 *
 * listSort (a List<Double> and Collections.sort), a clear and documented message:
 *   fluxion: BoxedSorts.listSort(BoxedSorts.java:45): active value boxed into a java.lang.Double
 *   (java.lang.Double.valueOf(double)): boxes are objects, which are not differentiated. Keep differentiated values in
 *   double and double[] (Kotlin: Double and DoubleArray). A List<Double>, a Double? (nullable), a value of a generic
 *   type and the parameters of a lambda that is not inlined are boxes: use a DoubleArray, a non-null Double, or a
 *   @Differentiable function.
 *
 * indexSort (indices sorted by residual with a Comparator, then the squares summed through them): the comparator only
 * decides the order (no derivative flows through it), yet the message is about a lambda that escapes:
 *   fluxion: BoxedSorts.indexSort(BoxedSorts.java:62): active value captured by a lambda that Fluxion cannot follow to
 *   its calls (it is stored, returned, chosen by a branch, or passed to a method that is not inlined). Call the lambda
 *   in the method that makes it, or pass it to a small helper Fluxion inlines (one that is not recursive), so each
 *   call runs its body in view.
 */
public class BoxedSorts {
    static final double[] X = {0, 1, 2, 3, 4, 5, 6, 7};
    static final double[] Y = {0.1, 1.2, 1.9, 3.1, 20, 5.0, 6.1, -9};
    static final int H = 6;

    static double[] squares(double[] c) {
        double[] s = new double[X.length];
        for (int i = 0; i < X.length; i++) {
            double r = Y[i] - (c[0] + c[1] * X[i]);
            s[i] = r * r;
        }
        return s;
    }

    @Differentiable
    static double listSort(double[] c) {
        List<Double> squares = new ArrayList<>();
        for (double s : squares(c)) {
            squares.add(s);
        }
        Collections.sort(squares);
        double sum = 0;
        for (int i = 0; i < H; i++) {
            sum += squares.get(i);
        }
        return sum;
    }

    @Differentiable
    static double indexSort(double[] c) {
        double[] s = squares(c);
        Integer[] order = new Integer[s.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingDouble(i -> s[i]));
        double sum = 0;
        for (int k = 0; k < H; k++) {
            sum += s[order[k]];
        }
        return sum;
    }

    public static void main(String[] args) {
        double[] c = {0.2, 0.9};
        for (String name : new String[] {"listSort", "indexSort"}) {
            try {
                double[] g = name.equals("listSort") ? Fluxion.gradient(BoxedSorts::listSort).gradient(c)
                        : Fluxion.gradient(BoxedSorts::indexSort).gradient(c);
                System.out.println(name + " " + Arrays.toString(g));
            } catch (RuntimeException e) {
                System.out.println(name + " => " + e.getMessage());
            }
        }
    }
}
