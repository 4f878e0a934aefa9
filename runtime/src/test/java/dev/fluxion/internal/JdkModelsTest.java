package dev.fluxion.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The models of the JDK's sorts of lists of Doubles and of Collections.max and min (by a key too) give what the JDK gives. */
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
}
