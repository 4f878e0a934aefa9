package dev.fluxion.samples.mlp;

/** Labelled examples: {@code features[n]} has the label {@code labels[n]}. */
public record Examples(double[][] features, int[] labels) {
    public int size() {
        return labels.length;
    }
}
