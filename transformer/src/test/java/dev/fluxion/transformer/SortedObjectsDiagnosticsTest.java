package dev.fluxion.transformer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.fluxion.transformer.backend.ClassFileLocator;
import dev.fluxion.transformer.diagnostics.DifferentiationException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Sorts of objects Fluxion does not follow ({@code SortedObjects} in the corpus has those it
 * follows): each an error with its own message, at the line that makes the objects, never a
 * gradient of objects in another order.
 */
class SortedObjectsDiagnosticsTest {
    private static final String ADVICE = "Fluxion differentiates objects that stay in the differentiated code: records "
            + "and final classes of final fields, mutable objects, and arrays or lists of such objects (List.of, "
            + "Arrays.asList, or an ArrayList filled with add and read with get, set, size, isEmpty and for-each), made in "
            + "the method, and variables that choose among them; this one escapes (passed to a method that is not inlined, "
            + "returned or stored). Pass the numbers as double arguments or double[] arrays, or keep the objects in an "
            + "array or an ArrayList made in the method.";
    private static final String UNFOLLOWED_LIST = "an object is put in a list that Fluxion does not follow: ";
    private static final String USED_AFTER_SORT = "an element of a list is used after the objects were sorted (its slot may "
            + "hold another object now): read the element, or find it, after sorting";

    // points.sort((a, b) -> Double.compare(a.x() * a.y(), b.x() * b.y()));   a comparator of the user's
    @Test
    void listSortedByAComparatorOfTheUsers() throws Exception {
        expect("ObjectsSortedByALambda", "Point", UNFOLLOWED_LIST + "it is sorted with a comparator Fluxion does not follow: "
                + "it sorts lists of Doubles in natural order (null, Comparator.naturalOrder(), Double::compare) and in reverse "
                + "(Comparator.reverseOrder()), and lists of any objects by Comparator.comparingDouble(key), perhaps "
                + ".reversed()");
    }

    // Arrays.sort(points, Comparator.comparingDouble(Point::x).thenComparingDouble(Point::y));
    @Test
    void arraySortedByTwoKeys() throws Exception {
        expect("ArraySortedByALambda", "Point", "an array of dev.fluxion.fixtures.bad.ArraySortedByALambda.Point is sorted in "
                + "an order Fluxion does not follow: it sorts whole arrays and lists of objects by "
                + "Comparator.comparingDouble(key), perhaps .reversed(), made for that sort");
    }

    // Point first = points.get(0);
    // points.sort(Comparator.comparingDouble(Point::y));
    // return first.x() * points.get(0).x();        first is the object it was, no longer the first
    @Test
    void elementReadBeforeTheSortUsedAfter() throws Exception {
        expect("ElementUsedAfterSort", "Point", USED_AFTER_SORT);
    }

    // Point nearest = Collections.min(points, Comparator.comparingDouble(q -> q.x() * q.x() + q.y() * q.y()));
    // points.sort(Comparator.comparingDouble(Point::y));
    // return nearest.x() + points.get(0).x();
    @Test
    void chosenElementUsedAfterASort() throws Exception {
        expect("ChosenThenSorted", "Point", USED_AFTER_SORT);
    }

    // for (Point q : points) { s += q.x(); points.sort(Comparator.comparingDouble(Point::y)); }   the JDK's next() throws
    @Test
    void listSortedInsideAForEachOverIt() throws Exception {
        expect("ObjectsSortedWhileIterated", "Point", UNFOLLOWED_LIST + "it is sorted while a for-each loop or an iterator "
                + "goes over it (the iterator's next() would then throw ConcurrentModificationException)");
    }

    // List<Point> byY = new ArrayList<>(points);
    // byY.sort(Comparator.comparingDouble(Point::y));
    // return points.get(0).x() * byY.get(0).x();   two lists of the same objects
    @Test
    void aSortedCopyOfAListStillRead() throws Exception {
        expect("SortedCopyOfAList", "Point", UNFOLLOWED_LIST + "the list is copied (new java.util.ArrayList<>(list)), and "
                + "the copy would share its objects");
    }

    // tracks[i] = new Track(new double[] {p[i], 2 * p[i]}, p[i] * p[i]);
    // Arrays.sort(tracks, Comparator.comparingDouble(t -> t.weight));
    @Test
    void sortedObjectsThatHoldArrays() throws Exception {
        expect("SortedObjectsHoldingArrays", "Track", "an array of dev.fluxion.fixtures.bad.SortedObjectsHoldingArrays.Track "
                + "is sorted, and its objects' field samples holds an array, which Fluxion does not move with them: hold the "
                + "numbers in fields of their own");
    }

    // shapes.add(new Circle(x[i])); shapes.add(new Square(1.5 + i));
    // shapes.sort(Comparator.comparingDouble(Shape::area).reversed());   the key takes a Shape
    @Test
    void objectsOfTwoClassesSortedByAKeyOfTheirInterface() throws Exception {
        expect("ShapesSortedByArea", "Circle", "an element of a list is given to a function whose code Fluxion does not "
                + "see (java.util.function.ToDoubleFunction.applyAsDouble(java.lang.Object): a reference to an interface's "
                + "method, Shape::area, or a function made outside the method): write it as a lambda over objects of one "
                + "class");
    }

    /** The error of {@code fixture}: its objects of class {@code made} kept as they are, for {@code why}. */
    private void expect(String fixture, String made, String why) throws Exception {
        byte[] bytes;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("dev/fluxion/fixtures/bad/" + fixture + ".class")) {
            bytes = in.readAllBytes();
        }
        Transformer transformer = new Transformer(ClassFileLocator.ofClassLoader(getClass().getClassLoader()), null);
        DifferentiationException e = assertThrows(DifferentiationException.class, () -> transformer.transform(bytes));
        List<String> source = Files.readAllLines(Path.of("src/test/java/dev/fluxion/fixtures/bad/" + fixture + ".java"));
        int line = source.indexOf(source.stream().filter(l -> l.contains("// ERROR")).findFirst().orElseThrow()) + 1;
        String klass = "dev.fluxion.fixtures.bad." + fixture;
        assertEquals("fluxion: " + klass + ".f(" + fixture + ".java:" + line + "): active value passed to the constructor of "
                + klass + "." + made + " (Fluxion kept this method's objects as they are: " + why + "). " + ADVICE,
                e.getMessage());
    }
}
