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
 * Boxed numbers Fluxion does not follow ({@code Double}s are value objects while they stay in the
 * method: {@code BoxedNumbers} in the corpus): each is an error with its own message, at the line
 * that boxes the value.
 */
class BoxesTest {
    private static final String ADVICE = "Fluxion follows Doubles kept in the method: locals (null too), Double[] arrays "
            + "and lists made there (List.of, Arrays.asList, an ArrayList), read, iterated, sorted (Collections.sort, "
            + "List.sort) and searched (Collections.max, min); not a box put in a list or a field from outside, passed to "
            + "a method that is not inlined or compared with ==, nor a Float. Else keep differentiated values in double "
            + "and double[] (Kotlin: Double and DoubleArray; listOf, a Double?, a value of a generic type and the "
            + "parameters of a lambda that is not inlined are boxes).";
    private static final String BOXED = "active value boxed into a java.lang.Double (java.lang.Double.valueOf(double)) "
            + "that goes where Fluxion cannot follow it";

    // static final List<Double> HISTORY = new ArrayList<>();
    // @Differentiable static double f(double[] x) {
    //     HISTORY.add(x[0] * 2);               // ERROR: a list from outside the method
    //     return HISTORY.get(HISTORY.size() - 1) * x[1];
    // }
    @Test
    void aDifferentiatedValueInAListFromOutside() throws Exception {
        expect("BoxedInAList", BOXED + ". " + ADVICE);
    }

    // @Differentiable static double f(double[] x) {
    //     Double a = x[0] * 2;                 // ERROR
    //     Double b = a;
    //     if (a == b) return a * x[1];         // by reference
    //     return b;
    // }
    @Test
    void boxesComparedByReference() throws Exception {
        expect("BoxesComparedByReference", BOXED + " (Fluxion kept this method's objects as they are: two Doubles are "
                + "compared with == or != (by reference, not by value: compare their numbers, a.doubleValue() == "
                + "b.doubleValue())). " + ADVICE);
    }

    // @Differentiable static double f(double[] x) {
    //     List<Double> values = new ArrayList<>();
    //     for (double v : x) values.add(v * v); // ERROR
    //     values.sort((a, b) -> Double.compare(Math.abs(a - 1), Math.abs(b - 1)));   // a comparator of the user's
    //     return values.get(0);
    // }
    @Test
    void boxesSortedByAComparatorOfTheUsers() throws Exception {
        expect("BoxesSortedByALambda", BOXED + " (it is put in a list that Fluxion keeps as the JDK's: it is sorted with a "
                + "comparator Fluxion does not follow: it sorts lists of Doubles in natural order (null, "
                + "Comparator.naturalOrder(), Double::compare) and in reverse (Comparator.reverseOrder()), and lists of any "
                + "objects by Comparator.comparingDouble(key), perhaps .reversed()). " + ADVICE);
    }

    // @Differentiable static double f(double[] x) {
    //     List<Double> values = new ArrayList<>();
    //     for (double v : x) values.add(v * v - 1); // ERROR
    //     values.sort(Comparator.comparingDouble(v -> Math.abs(v)));   // by a key: objects of the user's only
    //     return values.get(0);
    // }
    @Test
    void boxesSortedByAKey() throws Exception {
        expect("DoublesSortedByAKey", BOXED + " (it is put in a list that Fluxion keeps as the JDK's: it is sorted by "
                + "Comparator.comparingDouble(key), which Fluxion follows on lists of objects of your classes, not of "
                + "Doubles: sort Doubles in natural or reverse order, or hold them in objects of your own). " + ADVICE);
    }

    // @Differentiable static double f(double[] x) {
    //     List<Double> values = new ArrayList<>();
    //     for (double v : x) values.add(v);    // ERROR
    //     double s = 0;
    //     for (double v : values) { s += v; Collections.sort(values); }   // the JDK's next() throws
    //     return s;
    // }
    @Test
    void aListSortedWhileAForEachGoesOverIt() throws Exception {
        expect("BoxesSortedWhileIterated", BOXED + " (it is put in a list that Fluxion keeps as the JDK's: it is sorted "
                + "while a for-each loop or an iterator goes over it (the iterator's next() would then throw "
                + "ConcurrentModificationException)). " + ADVICE);
    }

    // record Score(double value) implements Comparable<Score> { ... }
    // @Differentiable static double f(double[] x) {
    //     List<Score> scores = new ArrayList<>();
    //     for (double v : x) scores.add(new Score(v * v));   // ERROR
    //     Collections.sort(scores);            // lists of Doubles, or objects by comparingDouble(key), only
    //     return scores.get(0).value();
    // }
    @Test
    void aListOfRecordsSorted() throws Exception {
        expect("BoxedListOfRecordsSorted", "active value passed to the constructor of "
                + "dev.fluxion.fixtures.bad.BoxedListOfRecordsSorted.Score (Fluxion kept this method's objects as they are: "
                + "an object is put in a list that Fluxion does not follow: it is sorted, or its largest or smallest element "
                + "found, and Fluxion follows that on lists of Doubles made in the method, and on lists of other objects by "
                + "Comparator.comparingDouble(key) only). Fluxion differentiates "
                + "objects that stay in the differentiated code: records and final classes of final fields, mutable objects, "
                + "and arrays or lists of such objects (List.of, Arrays.asList, or an ArrayList filled with add and read with "
                + "get, set, size, isEmpty and for-each), made in the method, and variables that choose among them; this one "
                + "escapes (passed to a method that is not inlined, returned or stored). Pass the numbers as double arguments "
                + "or double[] arrays, or keep the objects in an array or an ArrayList made in the method.");
    }

    private void expect(String fixture, String message) throws Exception {
        byte[] bytes;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("dev/fluxion/fixtures/bad/" + fixture + ".class")) {
            bytes = in.readAllBytes();
        }
        Transformer transformer = new Transformer(ClassFileLocator.ofClassLoader(getClass().getClassLoader()), null);
        DifferentiationException e = assertThrows(DifferentiationException.class, () -> transformer.transform(bytes));
        List<String> source = Files.readAllLines(Path.of("src/test/java/dev/fluxion/fixtures/bad/" + fixture + ".java"));
        int line = source.indexOf(source.stream().filter(l -> l.contains("// ERROR")).findFirst().orElseThrow()) + 1;
        assertEquals("fluxion: dev.fluxion.fixtures.bad." + fixture + ".f(" + fixture + ".java:" + line + "): " + message,
                e.getMessage());
    }
}
