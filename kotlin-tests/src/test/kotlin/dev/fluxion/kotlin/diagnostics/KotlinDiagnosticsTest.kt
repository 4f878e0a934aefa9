package dev.fluxion.kotlin.diagnostics

import dev.fluxion.Fluxion
import dev.fluxion.FluxionException
import dev.fluxion.ScalarFunction
import dev.fluxion.internal.TransformationLog
import dev.fluxion.transformer.Transformer
import dev.fluxion.transformer.backend.ClassFileLocator
import java.io.File
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertThrows
import org.junit.jupiter.api.Assumptions.assumeTrue
import org.junit.jupiter.api.Test

/**
 * Each Kotlin construct of Unsupported.kt gets its message, the whole message asserted, source line
 * included: from the transformer (what the plugin prints when it fails the build), and, under the
 * agent, from Fluxion.gradient (what the agent recorded). Runs in the agent run only: the plugin's
 * run leaves these classes out (pom.xml).
 */
class KotlinDiagnosticsTest {
    private val boxed = "Fluxion follows Doubles kept in the method: locals (null too), Double[] arrays and lists " +
        "made there (List.of, Arrays.asList, an ArrayList), read, iterated, sorted (Collections.sort, List.sort) and " +
        "searched (Collections.max, min); not a box put in a list or a field from outside, passed to a method that is " +
        "not inlined or compared with ==, nor a Float. Else keep differentiated values in double and double[] " +
        "(Kotlin: Double and DoubleArray; listOf, a Double?, a value of a generic type and the parameters of a lambda " +
        "that is not inlined are boxes)."
    private val box = "active value boxed into a java.lang.Double (java.lang.Double.valueOf(double)) that goes where " +
        "Fluxion cannot follow it"
    private val library = "a function of Kotlin's standard library that Fluxion does not differentiate. Write the " +
        "loop in a @Differentiable function (for (i in x.indices) s += x[i]), or use an inline function of the " +
        "standard library, which kotlinc compiles into your function (x.sumOf { it }, DoubleArray(n) { i -> ... }, " +
        "repeat(n) { ... }); lists of values hold boxes, which are not differentiated."

    private val expected = mapOf(
        "listOfValues" to "$box (Fluxion kept this method's objects as they are: an array of java.lang.Double: an " +
            "object is passed to kotlin.collections.CollectionsKt.listOf(java.lang.Object[]), which is not inlined). $boxed",
        "arraySum" to "active value passed to kotlin.collections.ArraysKt.sum(double[]), $library",
        "asList" to "active value passed to kotlin.collections.ArraysKt.toList(double[]), $library",
        "dataClassInAList" to "active value passed to the constructor of dev.fluxion.kotlin.diagnostics.Point " +
            "(Fluxion kept this method's objects as they are: an object is put in a list that Fluxion does not " +
            "follow: java.util.ArrayList.remove(int) is called on it, and Fluxion follows only add, get, set, size, " +
            "isEmpty and iteration on an ArrayList). Fluxion differentiates objects that stay in the differentiated " +
            "code: records and final classes of final fields, mutable objects, and arrays or lists of such objects " +
            "(List.of, Arrays.asList, or an ArrayList filled with add and read with get, set, size, isEmpty and " +
            "for-each), made in the method, and variables that choose among them; this one escapes (passed to a " +
            "method that is not inlined, returned or stored). Pass the numbers as double arguments or double[] " +
            "arrays, or keep the objects in an array or an ArrayList made in the method.",
    )

    private fun message(function: String) =
        "fluxion: dev.fluxion.kotlin.diagnostics.UnsupportedKt.$function(Unsupported.kt:${line(function)}): " +
            expected.getValue(function)

    /** The line of Unsupported.kt marked `// ERROR: function`. */
    private fun line(function: String): Int {
        val lines = File("src/test/kotlin/dev/fluxion/kotlin/diagnostics/Unsupported.kt").readLines()
        return lines.indexOfFirst { it.endsWith("// ERROR: $function") } + 1
    }

    @Test
    fun theTransformerSaysWhatIsWrongAndWhatToDo() {
        val bytes = javaClass.classLoader.getResourceAsStream("dev/fluxion/kotlin/diagnostics/UnsupportedKt.class")!!
            .use { it.readAllBytes() }
        val result = Transformer(ClassFileLocator.ofClassLoader(javaClass.classLoader), null).transformEach(bytes)
        assertEquals(expected.keys.map(::message), result.problems().map { it.message() })
    }

    @Test
    fun fluxionGradientRepeatsTheAgentsMessage() {
        assumeTrue(TransformationLog.isAgentInstalled(), "the agent run")
        val functions = mapOf<String, ScalarFunction>(
            "listOfValues" to ScalarFunction(::listOfValues),
            "arraySum" to ScalarFunction(::arraySum),
            "asList" to ScalarFunction(::asList),
            "dataClassInAList" to ScalarFunction(::dataClassInAList),
        )
        for ((name, f) in functions) {
            val e = assertThrows(FluxionException::class.java) { Fluxion.gradient(f) }
            assertEquals(message(name), e.message)
        }
    }
}
