package dev.fluxion.corpus;

/** A complex number as a final class with final fields (not a record), with a validating constructor. */
public final class Complex {
    private final double re;
    private final double im;

    public Complex(double re, double im) {
        if (Double.isNaN(re) || Double.isNaN(im)) {
            throw new IllegalArgumentException("NaN");
        }
        this.re = re;
        this.im = im;
    }

    public Complex plus(Complex o) {
        return new Complex(re + o.re, im + o.im);
    }

    public Complex times(Complex o) {
        return new Complex(re * o.re - im * o.im, re * o.im + im * o.re);
    }

    public double abs2() {
        return re * re + im * im;
    }

    public double re() {
        return re;
    }
}
