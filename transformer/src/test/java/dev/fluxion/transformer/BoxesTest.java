package dev.fluxion.transformer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.fluxion.fixtures.bad.BoxedInAList;
import dev.fluxion.transformer.backend.ClassFileLocator;
import dev.fluxion.transformer.diagnostics.DifferentiationException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A differentiated value boxed ({@code List<Double>}, Kotlin's {@code Double?}): the box has its own message. */
class BoxesTest {
    // @Differentiable static double f(double[] x) {
    //     List<Double> values = new ArrayList<>();
    //     values.add(x[0] * 2);                // ERROR: Double.valueOf
    //     return values.get(0) * x[1];
    // }
    @Test
    void aDifferentiatedValueInAListOfDoubles() throws Exception {
        byte[] bytes;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("dev/fluxion/fixtures/bad/BoxedInAList.class")) {
            bytes = in.readAllBytes();
        }
        Transformer transformer = new Transformer(ClassFileLocator.ofClassLoader(getClass().getClassLoader()), null);
        DifferentiationException e = assertThrows(DifferentiationException.class, () -> transformer.transform(bytes));
        List<String> source = Files.readAllLines(Path.of("src/test/java/dev/fluxion/fixtures/bad/BoxedInAList.java"));
        int line = source.indexOf(source.stream().filter(l -> l.contains("// ERROR")).findFirst().orElseThrow()) + 1;
        assertEquals("fluxion: " + BoxedInAList.class.getName() + ".f(BoxedInAList.java:" + line + "): active value "
                + "boxed into a java.lang.Double (java.lang.Double.valueOf(double)): boxes are objects, which are not "
                + "differentiated. Keep differentiated values in double and double[] (Kotlin: Double and DoubleArray). "
                + "A List<Double>, a Double? (nullable), a value of a generic type and the parameters of a lambda that is "
                + "not inlined are boxes: use a DoubleArray, a non-null Double, or a @Differentiable function.",
                e.getMessage());
    }
}
