package dev.fluxion.models;

import dev.fluxion.Fluxion;
import java.util.Random;

/** What {@code ModelGradientTest} runs inside the transforming class loader, as a user's code would. */
final class Calls {
    private Calls() {
    }

    static Quadratic newQuadratic() {
        return new Quadratic();
    }

    static Quadratic quadraticGradient(Quadratic q) {
        return Fluxion.modelGradient(Quadratic.Losses::loss).gradient(q);
    }

    static void quadraticIntoShortGradient() {
        Quadratic q = new Quadratic();
        Quadratic g = new Quadratic();
        g.center = new double[2];
        Fluxion.modelGradient(Quadratic.Losses::loss).valueAndGradient(q, g);
    }

    static Mlp newMlp() {
        return new Mlp(new Random(7));
    }

    static Mlp mlpGradient(Mlp net) {
        return Fluxion.modelGradient(Mlp::loss).gradient(net);
    }

    static double mlpLoss(Mlp net) {
        return net.loss();
    }

    static SpringChain newSpringChain() {
        return new SpringChain();
    }

    static SpringChain springGradient(SpringChain c) {
        return Fluxion.modelGradient(SpringChain::loss).gradient(c);
    }

    static double springLoss(SpringChain c) {
        return SpringChain.loss(c);
    }

    static Fit fitGradient(Fit fit) {
        return Fluxion.modelGradient(Fit::loss).gradient(fit);
    }

    static double fitIntoItsOwnShape(Fit fit) {
        return Fluxion.modelGradient(Fit::loss).valueAndGradient(fit, new Fit(0, 0));
    }

    static Scaled scaledGradient(Scaled s) {
        return Fluxion.modelGradient(Scaled::loss).gradient(s);
    }

    static Scaled newScaled() {
        return new Scaled(0.7, new double[] {1.5, -2});
    }

    static Scaled scaledInto(Scaled s) {
        Scaled out = new Scaled(0, new double[2]);
        Fluxion.modelGradient(Scaled::loss).valueAndGradient(s, out);
        return out;
    }

    static Line newLine() {
        return new Line(new double[] {0.5, 1.5}, "fit");
    }

    static Line lineGradient(Line line) {
        return Fluxion.modelGradient(Line::loss).gradient(line);
    }

    static Decay newDecay() {
        return new Decay();
    }

    static Decay decayGradient(Decay d) {
        return Fluxion.modelGradient(Decay::finalValue).gradient(d);
    }

    static DeepNet newDeepNet() {
        return new DeepNet(new Random(3), 3);
    }

    static DeepNet deepNetGradient(DeepNet net) {
        return Fluxion.modelGradient(DeepNet::loss).gradient(net);
    }

    static double deepNetLoss(DeepNet net) {
        return net.loss();
    }

    static ListNet newListNet() {
        return new ListNet(new Random(11), 2, 3, 2, 1);
    }

    static ListNet listNetGradient(ListNet net) {
        return Fluxion.modelGradient(ListNet::loss).gradient(net);
    }

    static double listNetLoss(ListNet net) {
        return net.loss();
    }

    static ListNet listNetIndexedGradient(ListNet net) {
        return Fluxion.modelGradient(ListNet::lastLayerLoss).gradient(net);
    }

    static double listNetIndexedLoss(ListNet net) {
        return net.lastLayerLoss();
    }

    static ListNet newListNetSeeded(long seed) {
        return new ListNet(new Random(seed), 2, 3, 2, 1);
    }

    static double listNetJvp(ListNet net, ListNet direction) {
        return Fluxion.modelTangent(ListNet::loss).jvp(net, direction);
    }

    static ListNet listNetHvp(ListNet net, ListNet v) {
        return Fluxion.modelHessian(ListNet::loss).hvp(net, v);
    }

    static ListNet listNetHvpInto(ListNet net, ListNet v, ListNet out) {
        Fluxion.modelHessian(ListNet::loss).hvp(net, v, out);
        return out;
    }

    static double quadraticJvp(Quadratic q, Quadratic direction) {
        return Fluxion.modelTangent(Quadratic.Losses::loss).jvp(q, direction);
    }

    static Quadratic quadraticHvp(Quadratic q, Quadratic v) {
        return Fluxion.modelHessian(Quadratic.Losses::loss).hvp(q, v);
    }

    static RobustFit robustFitHvp(RobustFit fit, RobustFit v) {
        return Fluxion.modelHessian(RobustFit::loss).hvp(fit, v);
    }

    static double fitJvp(Fit fit, Fit direction) {
        return Fluxion.modelTangent(Fit::loss).jvp(fit, direction);
    }

    static Fit fitHvp(Fit fit, Fit v) {
        return Fluxion.modelHessian(Fit::loss).hvp(fit, v);
    }

    static double deepNetJvp(DeepNet net, DeepNet direction) {
        return Fluxion.modelTangent(DeepNet::loss).jvp(net, direction);
    }

    static DeepNet newDeepNetSeeded(long seed) {
        return new DeepNet(new Random(seed), 3);
    }

    static Mlp mlpHvp(Mlp net, Mlp v) {
        return Fluxion.modelHessian(Mlp::loss).hvp(net, v);
    }

    static double mlpJvp(Mlp net, Mlp direction) {
        return Fluxion.modelTangent(Mlp::loss).jvp(net, direction);
    }

    static Mlp newMlpSeeded(long seed) {
        return new Mlp(new Random(seed));
    }

    static Switched newSwitched(String act, double w) {
        return new Switched(Switched.Act.valueOf(act), w);
    }

    static double[] switchedUnitsGradient(Switched m) {
        return Fluxion.modelGradient(Switched::units).gradient(m).units;
    }

    static double switchedUnits(Switched m) {
        return m.units();
    }

    static double switchedLoss(Switched m) {
        return m.loss();
    }

    static double switchedGradient(Switched m) {
        return Fluxion.modelGradient(Switched::loss).gradient(m).w;
    }

    static Activated newActivated(String activation, double w, double b, int power, boolean enabled, double weight) {
        return new Activated(Activated.Activation.valueOf(activation), w, b,
                new Activated.Penalty(power, enabled, "l" + power, weight));
    }

    static Activated activatedGradient(Activated m) {
        return Fluxion.modelGradient(Activated::loss).gradient(m);
    }

    static double activatedLoss(Activated m) {
        return m.loss();
    }

    static double activatedJvp(Activated m, Activated direction) {
        return Fluxion.modelTangent(Activated::loss).jvp(m, direction);
    }

    static Activated activatedHvp(Activated m, Activated v) {
        return Fluxion.modelHessian(Activated::loss).hvp(m, v);
    }

    static Decaying newDecaying(double rate, double w0, double w1) {
        return new Decaying(rate, w0, w1);
    }

    static Decaying decayingGradient(Decaying d) {
        return Fluxion.modelGradient(Decaying::loss).gradient(d);
    }

    static double decayingLoss(Decaying d) {
        return d.loss();
    }

    static double decayingJvp(Decaying d, Decaying direction) {
        return Fluxion.modelTangent(Decaying::loss).jvp(d, direction);
    }

    static Decaying decayingHvp(Decaying d, Decaying v) {
        return Fluxion.modelHessian(Decaying::loss).hvp(d, v);
    }

    static void fitHvpIntoARecord(Fit fit, Fit v) {
        Fluxion.modelHessian(Fit::loss).hvp(fit, v, new Fit(0, 0));
    }

    static NestedNet newNestedNet(long seed) {
        return new NestedNet(new Random(seed), 2, 3, 2, 1);
    }

    static NestedNet nestedNetGradient(NestedNet net) {
        return Fluxion.modelGradient(NestedNet::loss).gradient(net);
    }

    static NestedNet nestedNetInto(NestedNet net, NestedNet out) {
        Fluxion.modelGradient(NestedNet::loss).valueAndGradient(net, out);
        return out;
    }

    static double nestedNetLoss(NestedNet net) {
        return net.loss();
    }

    static double nestedNetJvp(NestedNet net, NestedNet direction) {
        return Fluxion.modelTangent(NestedNet::loss).jvp(net, direction);
    }

    static NestedNet nestedNetHvp(NestedNet net, NestedNet v) {
        return Fluxion.modelHessian(NestedNet::loss).hvp(net, v);
    }

    static Bumps newBumps(double shift) {
        return new Bumps(java.util.List.of(new Bumps.Bump(1.1 + shift, new Bumps.Point(0.1, -0.2 + shift), 0.9),
                new Bumps.Bump(-0.4, new Bumps.Point(0.8 - shift, 0.7), 0.6 + shift)),
                new Bumps.Frame(new Bumps.Point(0.05, -0.1 + shift), 1.2), new Bumps.Point(0, 0), new Bumps.Point(1, 1));
    }

    static Bumps bumpsGradient(Bumps b) {
        return Fluxion.modelGradient(Bumps::loss).gradient(b);
    }

    static double bumpsLoss(Bumps b) {
        return b.loss();
    }

    static double bumpsJvp(Bumps b, Bumps direction) {
        return Fluxion.modelTangent(Bumps::loss).jvp(b, direction);
    }

    static Bumps bumpsHvp(Bumps b, Bumps v) {
        return Fluxion.modelHessian(Bumps::loss).hvp(b, v);
    }

    static LayerStack newLayerStack(long seed) {
        return new LayerStack(new Random(seed), 2, 3, 1);
    }

    static LayerStack layerStackGradient(LayerStack s) {
        return Fluxion.modelGradient(LayerStack::loss).gradient(s);
    }

    static double layerStackLoss(LayerStack s) {
        return s.loss();
    }

    static double layerStackJvp(LayerStack s, LayerStack direction) {
        return Fluxion.modelTangent(LayerStack::loss).jvp(s, direction);
    }

    static LayerStack layerStackHvp(LayerStack s, LayerStack v) {
        return Fluxion.modelHessian(LayerStack::loss).hvp(s, v);
    }

    static BlockNet newBlockNet(long seed) {
        return new BlockNet(new Random(seed), 2, 2);
    }

    static BlockNet blockNetGradient(BlockNet m) {
        return Fluxion.modelGradient(BlockNet::loss).gradient(m);
    }

    static BlockNet blockNetInto(BlockNet m, BlockNet out) {
        Fluxion.modelGradient(BlockNet::loss).valueAndGradient(m, out);
        return out;
    }

    static double blockNetLoss(BlockNet m) {
        return m.loss();
    }

    static double blockNetJvp(BlockNet m, BlockNet direction) {
        return Fluxion.modelTangent(BlockNet::loss).jvp(m, direction);
    }

    static BlockNet blockNetHvp(BlockNet m, BlockNet v) {
        return Fluxion.modelHessian(BlockNet::loss).hvp(m, v);
    }

    static Scene newScene(double shift) {
        return new Scene(shift);
    }

    static Scene sceneGradient(Scene m) {
        return Fluxion.modelGradient(Scene::loss).gradient(m);
    }

    static Scene sceneInto(Scene m, Scene out) {
        Fluxion.modelGradient(Scene::loss).valueAndGradient(m, out);
        return out;
    }

    static double sceneLoss(Scene m) {
        return m.loss();
    }

    static double sceneJvp(Scene m, Scene direction) {
        return Fluxion.modelTangent(Scene::loss).jvp(m, direction);
    }

    static Scene sceneHvp(Scene m, Scene v) {
        return Fluxion.modelHessian(Scene::loss).hvp(m, v);
    }

    static TiedAutoencoder newTiedAutoencoder(double shift) {
        return new TiedAutoencoder(shift);
    }

    static TiedAutoencoder tiedAutoencoderGradient(TiedAutoencoder m) {
        return Fluxion.modelGradient(TiedAutoencoder::loss).gradient(m);
    }

    static TiedAutoencoder tiedAutoencoderInto(TiedAutoencoder m, TiedAutoencoder out) {
        Fluxion.modelGradient(TiedAutoencoder::loss).valueAndGradient(m, out);
        return out;
    }

    static double tiedAutoencoderLoss(TiedAutoencoder m) {
        return m.loss();
    }

    static double tiedAutoencoderJvp(TiedAutoencoder m, TiedAutoencoder direction) {
        return Fluxion.modelTangent(TiedAutoencoder::loss).jvp(m, direction);
    }

    static TiedAutoencoder tiedAutoencoderHvp(TiedAutoencoder m, TiedAutoencoder v) {
        return Fluxion.modelHessian(TiedAutoencoder::loss).hvp(m, v);
    }

    static SharedBiasNet newSharedBiasNet(double shift) {
        return new SharedBiasNet(shift);
    }

    static SharedBiasNet sharedBiasNetGradient(SharedBiasNet m) {
        return Fluxion.modelGradient(SharedBiasNet::loss).gradient(m);
    }

    static SharedBiasNet sharedBiasNetInto(SharedBiasNet m, SharedBiasNet out) {
        Fluxion.modelGradient(SharedBiasNet::loss).valueAndGradient(m, out);
        return out;
    }

    static double sharedBiasNetLoss(SharedBiasNet m) {
        return m.loss();
    }

    static double sharedBiasNetJvp(SharedBiasNet m, SharedBiasNet direction) {
        return Fluxion.modelTangent(SharedBiasNet::loss).jvp(m, direction);
    }

    static SharedBiasNet sharedBiasNetHvp(SharedBiasNet m, SharedBiasNet v) {
        return Fluxion.modelHessian(SharedBiasNet::loss).hvp(m, v);
    }

    static SharedScratch sharedScratchGradient() {
        return Fluxion.modelGradient(SharedScratch::loss).gradient(new SharedScratch());
    }

    static BlockNet newBlockNetOfThreeLayerBlocks(long seed) {
        return new BlockNet(new Random(seed), 2, 3);
    }
}
