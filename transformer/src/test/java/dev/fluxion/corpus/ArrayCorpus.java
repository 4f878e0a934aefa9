package dev.fluxion.corpus;

import static dev.fluxion.corpus.ArrayClosedForms.byTangents;
import static dev.fluxion.testing.CorpusCase.scalar;

import dev.fluxion.ScalarFunction;
import dev.fluxion.testing.CorpusCase;
import java.util.function.Function;
import java.util.List;

/** The array-writing part of the corpus (issue 3) and its float twins: cases, test points and closed forms. */
final class ArrayCorpus {
    private ArrayCorpus() {
    }

    private static double[] p(double... x) {
        return x;
    }

    /** A float twin of a double case: the double twin's closed form, single-precision tolerances. */
    private static CorpusCase floatTwin(String method, ScalarFunction f, Function<double[], double[]> closedForm,
            double[]... points) {
        return scalar("FloatArrays." + method, f, closedForm, points).singlePrecision();
    }

    static List<CorpusCase> cases() {
        return List.of(
                scalar("ArrayWrites.prefixSums", ArrayWrites::prefixSums, ArrayClosedForms::prefixSums, p(1, -2, 3), p(0.5), p(-0.25, 1.75, 2.5, -3.5)),
                scalar("ArrayWrites.cosineRecurrence", ArrayWrites::cosineRecurrence, byTangents(ArrayClosedForms::cosineRecurrence), p(0.3, -1.2, 2.0), p(1, 0.5, -0.25, 0.75, 1.5), p(-0.7, 0.4)),
                scalar("ArrayWrites.updatesInput", ArrayWrites::updatesInput, byTangents(ArrayClosedForms::updatesInput), p(0.3, -1.2, 2.0), p(1, 0.5, -0.25, 0.75), p(0.9)),
                scalar("ArrayWrites.gaussSeidelSweeps", ArrayWrites::gaussSeidelSweeps, byTangents(ArrayClosedForms::gaussSeidelSweeps), p(0.3, -1.2, 2.0), p(1, 0.5, -0.25, 0.75, 1.5)),
                scalar("ArrayWrites.laplacianEnergy", ArrayWrites::laplacianEnergy, byTangents(ArrayClosedForms::laplacianEnergy), p(0.3, -1.2, 2.0), p(1, 0.5, -0.25, 0.75, 1.5), p(2, -1)),
                scalar("ArrayWrites.heatEquation", ArrayWrites::heatEquation, byTangents(ArrayClosedForms::heatEquation), p(0.3, -1.2, 2.0, 0.5, 1.0), p(1, 0.5, -0.25)),
                scalar("ArrayWrites.pendulumEuler", ArrayWrites::pendulumEuler, byTangents(ArrayClosedForms::pendulumEuler), p(0.3, -1.2, 9.81), p(1.2, 0.5, 4)),
                scalar("ArrayWrites.lotkaVolterraRk4", ArrayWrites::lotkaVolterraRk4, null, p(1.0, 0.5, 1.1, 0.4, 0.4, 0.1), p(2, 1, 0.8, 0.5, 0.3, 0.2)),
                scalar("ArrayWrites.shiftRight", ArrayWrites::shiftRight, ArrayClosedForms::shiftRight, p(0.3, -1.2, 2.0), p(1, 0.5, -0.25, 0.75), p(0.9)),
                scalar("ArrayWrites.delayLine", ArrayWrites::delayLine, byTangents(ArrayClosedForms::delayLine), p(0.3, -1.2, 2.0), p(1, 0.5, -0.25, 0.75), p(0.9)),
                scalar("ArrayWrites.copyOfGrowAndTruncate", ArrayWrites::copyOfGrowAndTruncate, byTangents(ArrayClosedForms::copyOfGrowAndTruncate), p(0.3, -1.2, 2.0), p(1, 0.5, -0.25, 0.75), p(0.9, 1.1)),
                scalar("ArrayWrites.slidingWindows", ArrayWrites::slidingWindows, byTangents(ArrayClosedForms::slidingWindows), p(0.3, -1.2, 2.0), p(1, 0.5, -0.25, 0.75), p(0.9)),
                scalar("ArrayWrites.fillThenWrite", ArrayWrites::fillThenWrite, byTangents(ArrayClosedForms::fillThenWrite), p(0.3, -1.2, 2.0), p(1, 0.5, -0.25, 0.75)),
                scalar("ArrayWrites.reverseInPlace", ArrayWrites::reverseInPlace, byTangents(ArrayClosedForms::reverseInPlace), p(0.3, -1.2, 2.0), p(1, 0.5, -0.25, 0.75), p(0.9)),
                scalar("ArrayWrites.sortedWeights", ArrayWrites::sortedWeights, ArrayClosedForms::sortedWeights, p(0.3, -1.2, 2.0), p(1, 0.5, -0.25, 0.75), p(0.9)).nonSmooth(),
                scalar("ArrayWrites.polynomialSquare", ArrayWrites::polynomialSquare, byTangents(ArrayClosedForms::polynomialSquare), p(0.3, -1.2, 2.0), p(1, 0.5, -0.25, 0.75), p(0.9)),
                scalar("ArrayWrites.thomasSolve", ArrayWrites::thomasSolve, null, p(0.3, -1.2, 2.0), p(1, 0.5, -0.25, 0.75), p(0.9)),
                scalar("ArrayWrites.suffixProducts", ArrayWrites::suffixProducts, byTangents(ArrayClosedForms::suffixProducts), p(0.3, -1.2, 2.0), p(1, 0.5, -0.25, 0.75), p(0.9)),
                scalar("ArrayWrites.activeInitialiser", ArrayWrites::activeInitialiser, byTangents(ArrayClosedForms::activeInitialiser), p(0.3, -1.2, 2.0), p(1, 0.5, -0.25)),
                scalar("ArrayWrites.constantsBesideActive", ArrayWrites::constantsBesideActive, byTangents(ArrayClosedForms::constantsBesideActive), p(0.3, -1.2, 2.0, 0.5), p(1, 0.5, -0.25, 0.75, 1.5)),
                scalar("ArrayCalls.softmaxEntropy", ArrayCalls::softmaxEntropy, ArrayClosedForms::softmaxEntropy, p(0.3, -1.2, 2.0), p(1, 0.5, -0.25, 0.75)).nonSmooth(),
                scalar("ArrayCalls.repeatedSmoothing", ArrayCalls::repeatedSmoothing, byTangents(ArrayClosedForms::repeatedSmoothing), p(0.3, -1.2, 2.0), p(1, 0.5, -0.25, 0.75)),
                scalar("ArrayCalls.calleeWritesInput", ArrayCalls::calleeWritesInput, byTangents(ArrayClosedForms::calleeWritesInput), p(0.3, -1.2, 2.0), p(1, 0.5, -0.25, 0.75)),
                scalar("ArrayCalls.distinctArguments", ArrayCalls::distinctArguments, ArrayClosedForms::axpyOfItself, p(0.3, -1.2, 2.0), p(1, 0.5, -0.25, 0.75)),
                scalar("ArrayCalls.twoNames", ArrayCalls::twoNames, byTangents(ArrayClosedForms::twoNames), p(0.3, -1.2, 2.0), p(1, 0.5, -0.25, 0.75)),
                scalar("ArrayCalls.phiOfArrays", ArrayCalls::phiOfArrays, byTangents(ArrayClosedForms::phiOfArrays), p(0.3, -1.2, -0.5, 0.8), p(-0.4, 0.5, 0.6, 0.75)).nonSmooth(),
                scalar("ArrayCalls.aliasedRows", ArrayCalls::aliasedRows, ArrayClosedForms::aliasedRows, p(0.3, -1.2, 2.0), p(1, 0.5, -0.25, 0.75)),
                scalar("ArrayShapes.matrixCube", ArrayShapes::matrixCube, byTangents(ArrayClosedForms::matrixCube), p(0.3, -1.2, 2.0, 0.5), p(1, 0.5, -0.25, 0.75)),
                scalar("ArrayShapes.determinant", ArrayShapes::determinant, ArrayClosedForms::determinant, p(0.3, -1.2, 2.0, 0.5, 1.5, -0.7, 1.1, 0.2, 0.9), p(2, 1, 0.5, -1, 3, 0.25, 0.4, -0.6, 1.7)).nonSmooth(),
                scalar("ArrayShapes.jaggedTriangle", ArrayShapes::jaggedTriangle, byTangents(ArrayClosedForms::jaggedTriangle), p(0.3, -1.2, 2.0, 0.5), p(1, 0.5, -0.25)),
                scalar("ArrayShapes.rowRotation", ArrayShapes::rowRotation, byTangents(ArrayClosedForms::rowRotation), p(0.3, -1.2, 2.0, 0.5, 1.5, -0.7), p(1, 0.5, -0.25, 0.75)),
                scalar("ArrayShapes.sharedRows", ArrayShapes::sharedRows, null, p(0.3, -1.2, 2.0), p(1, 0.5, -0.25, 0.75)),
                scalar("ArrayShapes.rowArraycopy", ArrayShapes::rowArraycopy, null, p(0.3, -1.2, 2.0), p(1, 0.5, -0.25, 0.75)),
                scalar("ArrayShapes.tensor3d", ArrayShapes::tensor3d, byTangents(ArrayClosedForms::tensor3d), p(0.3, -1.2, 2.0), p(1, 0.5)),
                scalar("ArrayShapes.jagged3d", ArrayShapes::jagged3d, null, p(0.3, -1.2, 2.0), p(1, 0.5, -0.25, 0.75)),
                scalar("ArrayShapes.outerProduct", ArrayShapes::outerProduct, byTangents(ArrayClosedForms::outerProduct), p(0.3, -1.2, 2.0), p(1, 0.5, -0.25, 0.75)),
                scalar("ArrayShapes.matrixPower", ArrayShapes::matrixPower, byTangents(ArrayClosedForms::matrixPower), p(0.3, -1.2, 2.0, 0.5), p(1, 0.5, -0.25, 0.75)),
                floatTwin("prefixSums", FloatArrays::prefixSums, ArrayClosedForms::prefixSums, p(1, -2, 3), p(-0.25, 1.75, 2.5, -3.5)),
                floatTwin("cosineRecurrence", FloatArrays::cosineRecurrence, byTangents(ArrayClosedForms::cosineRecurrence),
                        p(0.3, -1.2, 2.0), p(1, 0.5, -0.25, 0.75, 1.5)),
                floatTwin("laplacianEnergy", FloatArrays::laplacianEnergy, byTangents(ArrayClosedForms::laplacianEnergy),
                        p(0.3, -1.2, 2.0), p(1, 0.5, -0.25, 0.75, 1.5)),
                floatTwin("heatEquation", FloatArrays::heatEquation, byTangents(ArrayClosedForms::heatEquation),
                        p(0.3, -1.2, 2.0, 0.5, 1.0), p(1, 0.5, -0.25)),
                floatTwin("pendulumEuler", FloatArrays::pendulumEuler, byTangents(ArrayClosedForms::pendulumEuler),
                        p(0.3, -1.2, 9.81), p(1.2, 0.5, 4)),
                floatTwin("shiftRight", FloatArrays::shiftRight, ArrayClosedForms::shiftRight, p(0.3, -1.2, 2.0), p(1, 0.5, -0.25, 0.75)),
                floatTwin("delayLine", FloatArrays::delayLine, byTangents(ArrayClosedForms::delayLine),
                        p(0.3, -1.2, 2.0), p(1, 0.5, -0.25, 0.75)),
                floatTwin("fillThenWrite", FloatArrays::fillThenWrite, byTangents(ArrayClosedForms::fillThenWrite),
                        p(0.3, -1.2, 2.0), p(1, 0.5, -0.25, 0.75)),
                floatTwin("slidingWindows", FloatArrays::slidingWindows, byTangents(ArrayClosedForms::slidingWindows),
                        p(0.3, -1.2, 2.0), p(1, 0.5, -0.25, 0.75)),
                floatTwin("suffixProducts", FloatArrays::suffixProducts, byTangents(ArrayClosedForms::suffixProducts),
                        p(0.3, -1.2, 2.0), p(1, 0.5, -0.25, 0.75)),
                floatTwin("matrixCube", FloatArrays::matrixCube, byTangents(ArrayClosedForms::matrixCube),
                        p(0.3, -1.2, 2.0, 0.5), p(1, 0.5, -0.25, 0.75)),
                floatTwin("distinctArguments", FloatArrays::distinctArguments, ArrayClosedForms::axpyOfItself,
                        p(0.3, -1.2, 2.0), p(1, 0.5, -0.25, 0.75)),
                floatTwin("polynomialSquare", FloatArrays::polynomialSquare, byTangents(ArrayClosedForms::polynomialSquare),
                        p(0.3, -1.2, 2.0), p(1, 0.5, -0.25, 0.75)),
                scalar("ArrayCalls.recursiveWrites", ArrayCalls::recursiveWrites, null, p(0.3, -1.2, 2.0, 0.7), p(1, 0.5, -0.25)),
                scalar("ArrayCalls.rowsToCallee", ArrayCalls::rowsToCallee, null, p(0.3, -1.2, 2.0, 0.7), p(1, 0.5, -0.25)),
                scalar("ArrayCalls.writesAndReturns", ArrayCalls::writesAndReturns, null, p(0.3, -1.2, 2.0, 0.7), p(1, 0.5, -0.25)),
                scalar("ArrayCalls.bothParametersWritten", ArrayCalls::bothParametersWritten, null, p(0.3, -1.2, 2.0, 0.7),
                        p(1, 0.5, -0.25)),
                scalar("ArrayCalls.recursiveRows", ArrayCalls::recursiveRows, x -> new double[] {   // x0 x1 x2^2 / 2 + x0 x1 x2 / 4 + x2^2 / 2
                    x[1] * x[2] * x[2] / 2 + x[1] * x[2] / 4, x[0] * x[2] * x[2] / 2 + x[0] * x[2] / 4,
                    x[0] * x[1] * x[2] + x[0] * x[1] / 4 + x[2]}, p(0.3, -1.2, 2.0), p(1, 0.5, -0.25)),
                scalar("ArrayCalls.nestedCallees", ArrayCalls::nestedCallees, null, p(0.3, -1.2, 2.0, 0.7), p(1, 0.5, -0.25)),
                scalar("ArrayWrites.dataDependentIndex", ArrayWrites::dataDependentIndex, null, p(0.3, -1.2, 0.55, 0.7),
                        p(1.1, 0.45, -0.25)).nonSmooth(),
                scalar("ArrayWrites.whileOnContents", ArrayWrites::whileOnContents, null, p(0.3, -1.2, 2.0, 0.7), p(1, 0.5))
                        .nonSmooth(),
                scalar("ArrayShapes.copiedRows", ArrayShapes::copiedRows, x -> new double[] {                    // x0 x1 x2 + 2 x0^3 x1^2
                    x[1] * x[2] + 6 * x[0] * x[0] * x[1] * x[1], x[0] * x[2] + 4 * x[0] * x[0] * x[0] * x[1], x[0] * x[1]}, p(0.3, -1.2, 2.0), p(1, 0.5, -0.25)),
                scalar("ArrayWrites.copyConstantsIn", ArrayWrites::copyConstantsIn, x -> new double[] {  // x0 x1 (-0.5) + 2 x3
                    -0.5 * x[1], -0.5 * x[0], 0, 2}, p(0.3, -1.2, 2.0, 0.7), p(1, 0.5, -0.25, 0.75)),
                floatTwin("copyConstantsIn", FloatArrays::copyConstantsIn, x -> new double[] {-0.5 * x[1], -0.5 * x[0], 0, 2},
                        p(0.3, -1.2, 2.0, 0.7), p(1, 0.5, -0.25, 0.75)),
                floatTwin("mixedPrecision", FloatArrays::mixedPrecision, null, p(0.37, -1.21, 2.03, 0.71), p(1, 0.5, -0.25)),
                scalar("ArrayShapes.rowsFromSlices", ArrayShapes::rowsFromSlices, byTangents(ArrayClosedForms::rowsFromSlices), p(0.3, -1.2, 2.0), p(1, 0.5, -0.25, 0.75)));
    }
}
