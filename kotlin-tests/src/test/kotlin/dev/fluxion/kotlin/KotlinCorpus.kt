// The Kotlin functions as corpus cases, each passed to Fluxion twice: as a lambda that calls it
// ({ f(it) }: kotlinc compiles its body into a method of this class, cases$lambda$N, which the
// transformer links to f) and as a function reference (::f: kotlinc makes it a serializable
// invokedynamic whose implementation is f itself, FunctionsKt.f, as javac does for Model::f;
// Springs::tension and MODEL::loss are bound to their object). The checks are the Java corpus's
// (transformer/src/test/java/dev/fluxion/testing).
package dev.fluxion.kotlin

import dev.fluxion.ScalarFunction
import dev.fluxion.UnaryFunction
import dev.fluxion.VectorFunction
import dev.fluxion.testing.CorpusCase
import dev.fluxion.testing.HessianCase
import dev.fluxion.testing.JacobianCase

object KotlinCorpus {
    private val ROSENBROCK_POINTS = arrayOf(
        doubleArrayOf(-1.2, 1.0, 0.5, -0.3),
        doubleArrayOf(0.9, 0.8, 1.1, 1.3, -0.7),
        doubleArrayOf(2.0, -1.0),
    )
    private val PIECEWISE_POINTS = arrayOf( // every value 0.1 or more from +-1, the sum away from 0
        doubleArrayOf(2.0, -1.5, 0.5),
        doubleArrayOf(-0.9, -0.6, 0.2),
        doubleArrayOf(-0.8, -0.5, 1.5, 3.0),
    )
    private val SMOOTH_POINTS = arrayOf(
        doubleArrayOf(0.3, -0.2, 1.1),
        doubleArrayOf(1.5, 1.4, -0.6, 0.2),
    )
    private val CHAIN_POINTS = arrayOf(
        doubleArrayOf(0.0, 1.3, 1.9, 3.4),
        doubleArrayOf(-0.5, 0.2, 1.0),
    )
    private val XS = arrayOf(doubleArrayOf(1.0, 2.0), doubleArrayOf(-0.5, 0.3), doubleArrayOf(2.5, -1.0))
    private val YS = doubleArrayOf(1.0, -0.2, 0.7)
    val MODEL = Regression(XS, YS)

    val cases: List<CorpusCase> = listOf(
        CorpusCase.scalar("rosenbrock { }", ScalarFunction { rosenbrock(it) }, ::rosenbrockGradient, *ROSENBROCK_POINTS),
        CorpusCase.scalar("::rosenbrock", ::rosenbrock, ::rosenbrockGradient, *ROSENBROCK_POINTS),
        CorpusCase.scalar("piecewise { }", ScalarFunction { piecewise(it) }, ::piecewiseGradient, *PIECEWISE_POINTS)
            .nonSmooth(),
        CorpusCase.scalar("::piecewise", ::piecewise, ::piecewiseGradient, *PIECEWISE_POINTS).nonSmooth(),
        CorpusCase.scalar("smoothMax { }", ScalarFunction { smoothMax(it) }, ::smoothMaxGradient, *SMOOTH_POINTS)
            .nonSmooth(),
        CorpusCase.scalar("::smoothMax", ::smoothMax, ::smoothMaxGradient, *SMOOTH_POINTS).nonSmooth(),
        CorpusCase.scalar("smoothed { }", ScalarFunction { smoothed(it) }, ::smoothedGradient, *SMOOTH_POINTS),
        CorpusCase.scalar("::smoothed", ::smoothed, ::smoothedGradient, *SMOOTH_POINTS),
        CorpusCase.scalar("penalised { }", ScalarFunction { penalised(it) }, ::penalisedGradient, *ROSENBROCK_POINTS),
        CorpusCase.scalar("::penalised", ::penalised, ::penalisedGradient, *ROSENBROCK_POINTS),
        CorpusCase.scalar("frobeniusPlusDeterminant { }", ScalarFunction { frobeniusPlusDeterminant(it) },
            ::frobeniusPlusDeterminantGradient, doubleArrayOf(0.5, -1.0, 2.0, 0.3), doubleArrayOf(-1.5, 0.2, 0.7, 1.1)),
        CorpusCase.scalar("::frobeniusPlusDeterminant", ::frobeniusPlusDeterminant, ::frobeniusPlusDeterminantGradient,
            doubleArrayOf(0.5, -1.0, 2.0, 0.3), doubleArrayOf(-1.5, 0.2, 0.7, 1.1)),
        CorpusCase.scalar("pathEnergy { } (data class Vec2)", ScalarFunction { pathEnergy(it) }, ::pathEnergyGradient,
            doubleArrayOf(0.5, -1.0, 2.0, 0.3, 1.2, 0.8), doubleArrayOf(-1.5, 0.2, 0.7, 1.1)),
        CorpusCase.scalar("::pathEnergy (data class Vec2)", ::pathEnergy, ::pathEnergyGradient,
            doubleArrayOf(0.5, -1.0, 2.0, 0.3, 1.2, 0.8), doubleArrayOf(-1.5, 0.2, 0.7, 1.1)),
        CorpusCase.scalar("::localSquare ({ v: Double -> v * v })", ::localSquare,
            { x -> doubleArrayOf(2 * x[0], 1.0) }, doubleArrayOf(0.7, 1.3), doubleArrayOf(-0.4, 2.0)),
        CorpusCase.scalar("::nullableScale (Double?)", ::nullableScale,
            { x -> if (x[0] > 0) doubleArrayOf(2 * x[1], 2 * x[0]) else doubleArrayOf(0.0, 1.0) },
            doubleArrayOf(0.7, 1.3), doubleArrayOf(-0.4, 2.0)).nonSmooth(),
        CorpusCase.scalar("finalPosition { } (class Particle)", ScalarFunction { finalPosition(it) },
            ::finalPositionGradient, doubleArrayOf(0.5, -1.0, 2.0, 0.3), doubleArrayOf(1.5, 0.2)),
        CorpusCase.scalar("::finalPosition (class Particle)", ::finalPosition, ::finalPositionGradient,
            doubleArrayOf(0.5, -1.0, 2.0, 0.3), doubleArrayOf(1.5, 0.2)),
        CorpusCase.scalar("swarmCentre { } (a list of Particle)", ScalarFunction { swarmCentre(it) },
            ::swarmCentreGradient, doubleArrayOf(0.5, -1.0, 2.0), DoubleArray(12) { i -> 0.3 * i - 1.0 }),
        CorpusCase.scalar("::swarmCentre (a list of Particle)", ::swarmCentre, ::swarmCentreGradient,
            doubleArrayOf(0.5, -1.0, 2.0), DoubleArray(12) { i -> 0.3 * i - 1.0 }),
        CorpusCase.scalar("Springs.energy { } (@JvmStatic)", ScalarFunction { Springs.energy(it) }, ::energyGradient,
            *CHAIN_POINTS),
        CorpusCase.scalar("Springs::energy (@JvmStatic)", Springs::energy, ::energyGradient, *CHAIN_POINTS),
        CorpusCase.scalar("Springs.tension { } (object method)", ScalarFunction { Springs.tension(it) },
            ::tensionGradient, *CHAIN_POINTS),
        CorpusCase.scalar("Springs::tension (object method)", Springs::tension, ::tensionGradient, *CHAIN_POINTS),
        CorpusCase.scalar("model.loss { } (captured model)", ScalarFunction { MODEL.loss(it) },
            { w -> regressionGradient(XS, YS, w) }, doubleArrayOf(0.5, -1.0, 0.2), doubleArrayOf(-2.0, 0.3, 1.5)),
        CorpusCase.scalar("model::loss", MODEL::loss, { w -> regressionGradient(XS, YS, w) },
            doubleArrayOf(0.5, -1.0, 0.2), doubleArrayOf(-2.0, 0.3, 1.5)),
        CorpusCase.unary("bump { }", UnaryFunction { bump(it) }, ::bumpDerivative, 0.3, -1.2, 2.5),
        CorpusCase.unary("::bump", ::bump, ::bumpDerivative, 0.3, -1.2, 2.5),
    )

    val jacobians: List<JacobianCase> = listOf(
        JacobianCase.of("residuals { p, out -> }", VectorFunction { p, out -> residuals(p, out) }, 3,
            ::residualsJacobian, doubleArrayOf(-1.2, 1.0), doubleArrayOf(0.4, -0.3)),
        JacobianCase.of("::residuals", ::residuals, 3, ::residualsJacobian, doubleArrayOf(-1.2, 1.0),
            doubleArrayOf(0.4, -0.3)),
    )

    val hessians: List<HessianCase> = listOf(
        HessianCase.of("rosenbrock { }", ScalarFunction { rosenbrock(it) }, ::rosenbrockHessian, *ROSENBROCK_POINTS),
        HessianCase.of("::rosenbrock", ::rosenbrock, ::rosenbrockHessian, *ROSENBROCK_POINTS),
        HessianCase.unary("bump { }", UnaryFunction { bump(it) }, { x -> arrayOf(doubleArrayOf(bumpSecondDerivative(x[0]))) },
            0.3, -1.2, 2.5),
        HessianCase.unary("::bump", ::bump, { x -> arrayOf(doubleArrayOf(bumpSecondDerivative(x[0]))) }, 0.3, -1.2, 2.5),
    )
}
