package dev.fluxion.models;

/** A record of parameters in a file of its own: its fields are private to it, read through its accessors. */
public record Params(double rate, double[] weights) {
}
