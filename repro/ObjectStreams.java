import dev.fluxion.Differentiable;
import dev.fluxion.Fluxion;
import java.util.Arrays;
import java.util.List;

/**
 * Data held the way a Java developer holds points: a List of records, or a double[][] of rows, streamed with
 * mapToDouble. Object streams are documented as unsupported ("boxed streams"), but the message speaks of a lambda
 * that escapes, not of the stream (fluxion.jar of 93162bc and the build installed in ~/.m2 at 06:06 alike):
 *   listOfRecords: fluxion: ObjectStreams.listOfRecords(ObjectStreams.java:31): active value captured by a lambda
 *   that Fluxion cannot follow to its calls (it is stored, returned, chosen by a branch, or passed to a method that
 *   is not inlined). Call the lambda in the method that makes it, or pass it to a small helper Fluxion inlines (one
 *   that is not recursive), so each call runs its body in view.
 *   rows:          the same message, at ObjectStreams.rows(ObjectStreams.java:36).
 * The for-each loop over the same List (forEach below) works, and its gradient equals central differences.
 */
public class ObjectStreams {
    record Point(double x, double y) {
    }

    static final List<Point> POINTS = List.of(new Point(0, 0.1), new Point(1, 1.2), new Point(2, 1.9), new Point(3, 3.1),
            new Point(4, 20));
    static final double[][] ROWS = POINTS.stream().map(p -> new double[] {p.x(), p.y()}).toArray(double[][]::new);

    static double square(double r) {
        return r * r;
    }

    @Differentiable
    static double listOfRecords(double[] c) {
        return POINTS.stream().mapToDouble(p -> square(p.y() - (c[0] + c[1] * p.x()))).sum();
    }

    @Differentiable
    static double rows(double[] c) {
        return Arrays.stream(ROWS).mapToDouble(row -> square(row[1] - (c[0] + c[1] * row[0]))).sum();
    }

    @Differentiable
    static double forEach(double[] c) {
        double s = 0;
        for (Point p : POINTS) {
            s += square(p.y() - (c[0] + c[1] * p.x()));
        }
        return s;
    }

    public static void main(String[] args) {
        double[] c = {0.2, 0.9};
        for (String name : new String[] {"listOfRecords", "rows", "forEach"}) {
            try {
                double[] g = switch (name) {
                    case "listOfRecords" -> Fluxion.gradient(ObjectStreams::listOfRecords).gradient(c);
                    case "rows" -> Fluxion.gradient(ObjectStreams::rows).gradient(c);
                    default -> Fluxion.gradient(ObjectStreams::forEach).gradient(c);
                };
                System.out.println(name + " " + Arrays.toString(g));
            } catch (RuntimeException e) {
                System.out.println(name + " => " + e.getMessage());
            }
        }
    }
}
