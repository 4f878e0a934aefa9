package dev.fluxion.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The models of the JDK's sorts of lists of Doubles, of Collections.max and min (by a key too), of
 * Arrays.binarySearch and of the boxes' max, min and sum give what the JDK gives.
 */
class JdkModelsTest {
    /** Values with ties, both zeros, infinities and NaN, in random orders and lengths. */
    private static List<Double> sample(Random random) {
        double[] pool = {1.5, -2, 0.0, -0.0, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 3, 1.5, 7e-300};
        int n = 1 + random.nextInt(14);
        List<Double> values = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            values.add(random.nextInt(3) == 0 ? random.nextGaussian() : pool[random.nextInt(pool.length)]);
        }
        return values;
    }

    @Test
    void searchesAsArraysBinarySearchDoes() {
        Random random = new Random(5);
        for (int round = 0; round < 3000; round++) {
            List<Double> values = sample(random);
            double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            double key = random.nextBoolean() ? sample(random).get(0) : sorted[random.nextInt(sorted.length)];
            int from = random.nextInt(sorted.length + 1);
            int to = from + random.nextInt(sorted.length - from + 1);
            assertEquals(java.util.Arrays.binarySearch(sorted, key), JdkModels.binarySearch(sorted, key), values + " for " + key);
            assertEquals(java.util.Arrays.binarySearch(sorted, from, to, key), JdkModels.binarySearch(sorted, from, to, key),
                    values + " for " + key + " in [" + from + ", " + to + ")");
        }
        assertThrows(IllegalArgumentException.class, () -> JdkModels.binarySearch(new double[3], 2, 1, 0));
        assertThrows(ArrayIndexOutOfBoundsException.class, () -> JdkModels.binarySearch(new double[3], 0, 4, 0));
    }

    @Test
    void theBoxesMethodsAreTheirMathsOnes() {
        double[] cases = {1.5, -2, 0.0, -0.0, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
        for (double a : cases) {
            for (double b : cases) {
                assertEquals(Double.doubleToRawLongBits(Double.max(a, b)), Double.doubleToRawLongBits(JdkModels.max(a, b)));
                assertEquals(Double.doubleToRawLongBits(Double.min(a, b)), Double.doubleToRawLongBits(JdkModels.min(a, b)));
                assertEquals(Double.doubleToRawLongBits(Double.sum(a, b)), Double.doubleToRawLongBits(JdkModels.sum(a, b)));
                assertEquals(Float.floatToRawIntBits(Float.max((float) a, (float) b)),
                        Float.floatToRawIntBits(JdkModels.max((float) a, (float) b)));
                assertEquals(Float.floatToRawIntBits(Float.min((float) a, (float) b)),
                        Float.floatToRawIntBits(JdkModels.min((float) a, (float) b)));
                assertEquals(Float.floatToRawIntBits(Float.sum((float) a, (float) b)),
                        Float.floatToRawIntBits(JdkModels.sum((float) a, (float) b)));
            }
        }
    }

    @Test
    void aClosedRangeEndsOnePastItsLast() {
        assertEquals(11, StreamLoops.closedEnd(10));
        assertEquals(Integer.MIN_VALUE + 1, StreamLoops.closedEnd(Integer.MIN_VALUE));
        UnsupportedOperationException e = assertThrows(UnsupportedOperationException.class,
                () -> StreamLoops.closedEnd(Integer.MAX_VALUE));
        assertTrue(e.getMessage().contains("IntStream.rangeClosed(.., Integer.MAX_VALUE)"), e.getMessage());
    }

    @Test
    void sortsAsListSortDoesInBothOrders() {
        Random random = new Random(7);
        for (int round = 0; round < 2000; round++) {
            List<Double> values = sample(random);
            for (boolean descending : new boolean[] {false, true}) {
                List<Double> expected = new ArrayList<>(values);
                expected.sort(descending ? Comparator.reverseOrder() : null);
                Object[] items = values.toArray(new Object[values.size() + 3]); // an ArrayList's array is longer than its size
                JdkModels.sortBoxes(items, values.size(), descending);
                for (int i = 0; i < values.size(); i++) {
                    assertEquals(Double.doubleToRawLongBits(expected.get(i)), Double.doubleToRawLongBits((Double) items[i]),
                            values + (descending ? " descending" : " ascending") + " at " + i);
                }
                assertSame(null, items[values.size()], "past the size, nothing is touched");
            }
        }
    }

    @Test
    void findsTheElementsCollectionsMaxAndMinFind() {
        Random random = new Random(11);
        for (int round = 0; round < 2000; round++) {
            List<Double> values = sample(random);
            Object[] items = values.toArray();
            assertSame(Collections.max(values), items[JdkModels.indexOfMax(items, items.length)], values.toString());
            assertSame(Collections.min(values), items[JdkModels.indexOfMin(items, items.length)], values.toString());
        }
    }

    /** An object with a key, as a record of the user's. */
    private record Keyed(double key) {
    }

    @Test
    void findsTheObjectsCollectionsMaxAndMinFindByAKey() {
        Random random = new Random(13);
        for (int round = 0; round < 2000; round++) {
            List<Keyed> objects = new ArrayList<>();
            for (double v : sample(random)) {
                objects.add(new Keyed(v)); // distinct objects, equal keys among them
            }
            Object[] items = objects.toArray(new Object[objects.size() + 2]);
            java.util.function.ToDoubleFunction<Object> key = o -> ((Keyed) o).key();
            assertSame(Collections.max(objects, Comparator.comparingDouble(Keyed::key)),
                    items[JdkModels.indexOfMaxBy(items, objects.size(), key)], objects.toString());
            assertSame(Collections.min(objects, Comparator.comparingDouble(Keyed::key)),
                    items[JdkModels.indexOfMinBy(items, objects.size(), key)], objects.toString());
        }
    }

    /** The key's own value: the model must order distinct objects of equal keys as the JDK does, so their identity is checked. */
    @Test
    void ordersObjectsByAKeyAsTheJdksSortsDoInBothOrders() {
        Random random = new Random(17);
        for (int round = 0; round < 3000; round++) {
            List<Keyed> objects = new ArrayList<>();
            for (double v : sample(random)) {
                objects.add(new Keyed(v)); // distinct objects, equal keys among them
            }
            java.util.function.ToDoubleFunction<Object> key = o -> ((Keyed) o).key();
            for (boolean descending : new boolean[] {false, true}) {
                Comparator<Keyed> byKey = descending ? Comparator.comparingDouble(Keyed::key).reversed()
                        : Comparator.comparingDouble(Keyed::key);
                List<Keyed> listSorted = new ArrayList<>(objects);
                listSorted.sort(byKey);
                Keyed[] arraySorted = objects.toArray(new Keyed[0]);
                java.util.Arrays.sort(arraySorted, byKey);
                Object[] items = objects.toArray(new Object[objects.size() + 2]); // an ArrayList's array is longer
                int[] order = JdkModels.orderBy(items, objects.size(), key, descending);
                assertEquals(objects.size(), order.length);
                Dispatch.permute(items, order);
                for (int i = 0; i < objects.size(); i++) {
                    String where = objects + (descending ? " descending" : " ascending") + " at " + i;
                    assertSame(listSorted.get(i), items[i], where);
                    assertSame(arraySorted[i], items[i], where);
                }
                assertSame(null, items[objects.size()], "past the size, nothing is touched");
                double[] numbers = new double[objects.size() + 1]; // an array per field, moved the same way
                for (int i = 0; i < objects.size(); i++) {
                    numbers[i] = objects.get(i).key();
                }
                numbers[objects.size()] = 42;
                JdkModels.permute(numbers, order);
                for (int i = 0; i < objects.size(); i++) {
                    assertEquals(Double.doubleToRawLongBits(listSorted.get(i).key()), Double.doubleToRawLongBits(numbers[i]));
                }
                assertEquals(42, numbers[objects.size()]);
            }
        }
    }

    @Test
    void movesNumbersOfEveryTypeByTheOrder() {
        int[] order = {2, 0, 1};
        int[] ints = {10, 11, 12, 13};
        JdkModels.permute(ints, order);
        assertEquals(java.util.List.of(12, 10, 11, 13), java.util.Arrays.stream(ints).boxed().toList());
        boolean[] flags = {true, false, false};
        JdkModels.permute(flags, order);
        assertEquals("[false, true, false]", java.util.Arrays.toString(flags));
        long[] longs = {1, 2, 3};
        JdkModels.permute(longs, order);
        assertEquals("[3, 1, 2]", java.util.Arrays.toString(longs));
        float[] floats = {1, 2, 3};
        JdkModels.permute(floats, order);
        assertEquals("[3.0, 1.0, 2.0]", java.util.Arrays.toString(floats));
        char[] chars = {'a', 'b', 'c'};
        JdkModels.permute(chars, order);
        assertEquals("cab", new String(chars));
        short[] shorts = {1, 2, 3};
        JdkModels.permute(shorts, order);
        assertEquals("[3, 1, 2]", java.util.Arrays.toString(shorts));
        byte[] bytes = {1, 2, 3};
        JdkModels.permute(bytes, order);
        assertEquals("[3, 1, 2]", java.util.Arrays.toString(bytes));
    }
}
