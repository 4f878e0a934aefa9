package dev.fluxion.agent;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import dev.fluxion.Fluxion;
import dev.fluxion.GradCheck;
import dev.fluxion.ScalarFunction;
import dev.fluxion.dispatch.OutsideLambdas;
import org.junit.jupiter.api.Test;

/**
 * Lambdas and method references made outside the differentiated code, under the real agent jar:
 * the agent lets the runtime read a lambda class's constant pool, so lambdas of one shape made in
 * one class are told apart ({@code Math::sin} from {@code Math::cos}), which on demand needs
 * {@code --add-exports}.
 */
class AgentLambdasTest {
    @Test
    void lambdasOfOneShapeInOneClass() {
        double[] x = {0.5, -1.25, 2};
        double[] cos = new double[x.length];
        double[] minusSin = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            cos[i] = Math.cos(x[i]);
            minusSin[i] = -Math.sin(x[i]);
        }
        assertArrayEquals(cos, Fluxion.gradient(OutsideLambdas.Made.chosen(true)).gradient(x), 1e-12);
        assertArrayEquals(minusSin, Fluxion.gradient(OutsideLambdas.Made.chosen(false)).gradient(x), 1e-12);
        assertArrayEquals(minusSin, Fluxion.tangent(OutsideLambdas.Made.chosen(false)).gradient(x), 1e-12);
        GradCheck.gradient(OutsideLambdas.Made.chosen(true), x).assertPassed();
    }

    @Test
    void aLambdaCapturingNumbersAndAMethodReference() {
        double[] w = {0.2, -0.4, 0.3, 0.1};
        double z = w[3] + 0.5 * w[0] - w[1] + 2 * w[2];
        double t = Math.tanh(z);
        double sigmoid = 1 / (1 + Math.exp(-2 * z));
        double[] inputs = {0.5, -1.0, 2.0, 1}; // the neuron's inputs, then its bias's 1
        double[] tanh = new double[4];
        double[] softplus = new double[4];
        for (int i = 0; i < 4; i++) {
            tanh[i] = (1 - t * t) * inputs[i];
            softplus[i] = sigmoid * inputs[i];
        }
        assertArrayEquals(tanh, Fluxion.gradient(OutsideLambdas.tanhNeuron()).gradient(w), 1e-12);
        assertArrayEquals(softplus, Fluxion.gradient(OutsideLambdas.softplusNeuron(2)).gradient(w), 1e-12);
        ScalarFunction ode = new OutsideLambdas.Simulator(OutsideLambdas.oscillator(4, 0.5), 0.01, 300)::finalPosition;
        GradCheck.gradient(ode, new double[] {1, 0}).assertPassed();
    }
}
