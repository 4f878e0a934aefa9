package dev.fluxion.kotlin

import dev.fluxion.testing.CorpusRunner
import dev.fluxion.testing.HessianRunner
import dev.fluxion.testing.JacobianRunner
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.DynamicTest
import org.junit.jupiter.api.DynamicTest.dynamicTest
import org.junit.jupiter.api.TestFactory

/**
 * Every case against its closed form and Richardson differences, in reverse mode and in forward
 * mode (one direction per sweep and four), forward against reverse to round-off; Jacobians,
 * Hessians and Hessian-vector products the same way. Run twice by the build: under the agent, and
 * on the classes fluxion-maven-plugin transformed (see pom.xml).
 */
class KotlinCorpusTest {
    @TestFactory
    fun gradients(): List<DynamicTest> = KotlinCorpus.cases.map { c -> dynamicTest(c.name()) { CorpusRunner.check(c) } }

    @TestFactory
    fun hessianVectorProducts(): List<DynamicTest> = KotlinCorpus.cases.filter { !it.isUnary }.map { c ->
        dynamicTest(c.name()) { assertTrue(CorpusRunner.checkSecondOrder(c), "${c.name()}: no second derivative") }
    }

    @TestFactory
    fun jacobians(): List<DynamicTest> = KotlinCorpus.jacobians.map { c -> dynamicTest(c.name()) { JacobianRunner.check(c) } }

    @TestFactory
    fun hessians(): List<DynamicTest> = KotlinCorpus.hessians.map { c -> dynamicTest(c.name()) { HessianRunner.check(c) } }
}
