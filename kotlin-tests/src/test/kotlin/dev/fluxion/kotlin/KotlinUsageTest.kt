package dev.fluxion.kotlin

import dev.fluxion.Fluxion
import dev.fluxion.FluxionException
import dev.fluxion.GradCheck
import dev.fluxion.ScalarFunction
import dev.fluxion.internal.TransformationLog
import org.junit.jupiter.api.Assertions.assertArrayEquals
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertFalse
import org.junit.jupiter.api.Assertions.assertThrows
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test

/** The ways a Kotlin program hands its functions to Fluxion, and what it is told when a way does not work. */
class KotlinUsageTest {
    /** The example of docs/kotlin.md. */
    @Test
    fun readme() {
        val g = Fluxion.gradient { rosenbrock(it) }           // or Fluxion.gradient(::rosenbrock)
        val x = doubleArrayOf(-1.2, 1.0, 0.5)
        val dx = DoubleArray(x.size)
        val value = g.valueAndGradient(x, dx)                 // fills dx, returns rosenbrock(x)
        val slope = Fluxion.derivative(::bump).applyAsDouble(0.5)
        val hv = Fluxion.hessian(::rosenbrock).hvp(x, doubleArrayOf(1.0, 0.0, 0.0))
        GradCheck.gradient(::rosenbrock, x).assertPassed()

        assertEquals(rosenbrock(x), value, 0.0)
        assertArrayEquals(rosenbrockGradient(x), dx, 1e-12)
        assertEquals(bumpDerivative(0.5), slope, 1e-12)
        assertArrayEquals(rosenbrockHessian(x).map { it[0] }.toDoubleArray(), hv, 1e-12)
    }

    @Test
    fun everyWayOfPassingAFunction() {
        val x = doubleArrayOf(0.3, 1.7, -0.4)
        val expected = energyGradient(x)
        for (g in listOf(
            Fluxion.gradient(Springs::energy),                      // an object's @JvmStatic function
            Fluxion.gradient { Springs.energy(it) },                // a lambda that calls it
            Fluxion.gradient(ScalarFunction { Springs.energy(it) }),// a SAM constructor
            Fluxion.gradient { y -> Springs.energy(y) },            // a named parameter
        )) {
            assertArrayEquals(expected, g.gradient(x), 1e-12)
        }
        val model = KotlinCorpus.MODEL
        val w = doubleArrayOf(0.5, -1.0, 0.2)
        assertArrayEquals(Fluxion.gradient(model::loss).gradient(w), Fluxion.gradient { model.loss(it) }.gradient(w), 0.0)
        assertEquals(Fluxion.tangent(Springs::tension).jvp(x, x), Fluxion.tangent { Springs.tension(it) }.jvp(x, x), 0.0)
        val jacobian = Fluxion.jacobian({ p, out -> residuals(p, out) }, 3).at(doubleArrayOf(0.4, -0.3))
        for ((row, exact) in residualsJacobian(doubleArrayOf(0.4, -0.3)).withIndex()) {
            assertArrayEquals(exact, jacobian[row], 1e-12)
        }
        assertEquals(bumpDerivative(-0.8), Fluxion.derivative { bump(it) }.applyAsDouble(-0.8), 1e-12)
    }

    @Test
    fun aLambdaThatComputesIsDifferentiatedAsItsBody() {
        val x = doubleArrayOf(-1.2, 1.0, 0.5)
        val data = doubleArrayOf(0.5, 2.0, -1.0)
        assertArrayEquals(rosenbrockGradient(x), Fluxion.gradient { rosenbrock(it) + 1.0 }.gradient(x), 1e-12)
        val weighted = Fluxion.gradient { p -> rosenbrock(p) + data[0] * p[0] * p[1] } // a closure over data
        val expected = rosenbrockGradient(x)
        expected[0] += data[0] * x[1]
        expected[1] += data[0] * x[0]
        assertArrayEquals(expected, weighted.gradient(x), 1e-12)
        val hessian = Fluxion.hessian { p -> rosenbrock(p) + data[0] * p[0] * p[1] }.at(x)
        val expectedHessian = rosenbrockHessian(x)
        expectedHessian[0][1] += data[0]
        expectedHessian[1][0] += data[0]
        for (i in x.indices) {
            assertArrayEquals(expectedHessian[i], hessian[i], 1e-9)
        }
    }

    @Test
    fun aLambdaThatComputesHasTheDerivativesOfItsBody() {
        val scale = 3.0
        assertEquals(2 * scale * -0.8, Fluxion.derivative { x -> scale * x * x + 1.0 }.applyAsDouble(-0.8), 1e-12)
        assertEquals(2 * scale, Fluxion.secondDerivative { x -> scale * x * x + 1.0 }.applyAsDouble(-0.8), 1e-12)
    }

    @Test
    fun aLambdaThatCallsAFunctionThatIsNotAnnotated() {
        val e = assertThrows(FluxionException::class.java) { Fluxion.gradient { notAnnotated(it) } }
        assertEquals("fluxion: dev.fluxion.kotlin.FunctionsKt.notAnnotated is not annotated @Differentiable. Add " +
            "@dev.fluxion.Differentiable to the method so Fluxion generates its derivative.", e.message)
    }

    @Test
    fun anObjectIsNotAFunctionReference() {
        val f = object : ScalarFunction {
            override fun apply(x: DoubleArray): Double = rosenbrock(x)
        }
        val e = assertThrows(FluxionException::class.java) { Fluxion.gradient(f) }
        assertEquals("fluxion: ${f.javaClass.name} is a Kotlin lambda, function reference or object compiled to a " +
            "class of its own, which is not serializable: Fluxion finds the function to differentiate in the " +
            "serialized form that kotlinc gives the lambdas and references it compiles with invokedynamic, its " +
            "default. Pass a function reference (Fluxion.gradient(::f)) or a lambda that calls a @Differentiable " +
            "function (Fluxion.gradient { f(it) }), and compile without -Xsam-conversions=class and -Xlambdas=class.",
            e.message)
    }

    /** The build runs these tests twice: on the classes the plugin transformed, and under the agent. */
    @Test
    fun transformedAsTheBuildSays() {
        val functions = Class.forName("dev.fluxion.kotlin.FunctionsKt") // Functions.kt's top-level functions
        assertTrue(functions.declaredMethods.any { it.name == "fluxion\$adjoint\$rosenbrock" })
        val onDisk = functions.getResourceAsStream("FunctionsKt.class")!!.use { it.readAllBytes() }
        val transformedOnDisk = String(onDisk, Charsets.ISO_8859_1).contains("fluxion\$adjoint\$rosenbrock")
        when (System.getProperty("fluxion.kotlin.mode")) {
            "plugin" -> {
                assertFalse(TransformationLog.isAgentInstalled())
                assertTrue(transformedOnDisk, "the plugin wrote the derivatives into the class file")
            }
            "agent" -> {
                assertTrue(TransformationLog.isAgentInstalled())
                assertFalse(transformedOnDisk, "the agent transformed the class file kotlinc wrote")
            }
            else -> throw AssertionError("run by the build: -Dfluxion.kotlin.mode=plugin or agent")
        }
        // the lambdas of this test class were linked by a forwarder beside their bodies
        assertTrue(KotlinUsageTest::class.java.declaredMethods.any { it.name.startsWith("fluxion\$forward\$") })
    }
}
