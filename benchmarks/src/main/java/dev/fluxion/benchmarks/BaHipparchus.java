package dev.fluxion.benchmarks;

import org.hipparchus.analysis.differentiation.Gradient;

/** {@link Ba#residual} over Hipparchus {@link Gradient}s (forward-mode operator overloading). */
final class BaHipparchus {
    private BaHipparchus() {
    }

    static void residual(Gradient[] in, Gradient[] out) {
        Gradient[] p = new Gradient[3];
        for (int a = 0; a < 3; a++) {
            p[a] = in[11 + a].subtract(in[3 + a]);
        }
        Gradient[] r = rodriguesRotate(in, p);
        Gradient u = r[0].divide(r[2]);
        Gradient v = r[1].divide(r[2]);
        Gradient rsq = u.square().add(v.square());
        Gradient distortion = in[9].multiply(rsq).add(in[10].multiply(rsq.square())).add(1);
        Gradient w = in[14];
        out[0] = w.multiply(u.multiply(distortion).multiply(in[6]).add(in[7]).subtract(in[15]));
        out[1] = w.multiply(v.multiply(distortion).multiply(in[6]).add(in[8]).subtract(in[16]));
    }

    static Gradient[] rodriguesRotate(Gradient[] rot, Gradient[] pt) {
        Gradient sqTheta = rot[0].square().add(rot[1].square()).add(rot[2].square());
        if (sqTheta.getValue() != 0) {
            Gradient theta = sqTheta.sqrt();
            Gradient cos = theta.cos();
            Gradient sin = theta.sin();
            Gradient w0 = rot[0].divide(theta);
            Gradient w1 = rot[1].divide(theta);
            Gradient w2 = rot[2].divide(theta);
            Gradient tmp = w0.multiply(pt[0]).add(w1.multiply(pt[1])).add(w2.multiply(pt[2])).multiply(cos.negate().add(1));
            return new Gradient[] {
                pt[0].multiply(cos).add(w1.multiply(pt[2]).subtract(w2.multiply(pt[1])).multiply(sin)).add(w0.multiply(tmp)),
                pt[1].multiply(cos).add(w2.multiply(pt[0]).subtract(w0.multiply(pt[2])).multiply(sin)).add(w1.multiply(tmp)),
                pt[2].multiply(cos).add(w0.multiply(pt[1]).subtract(w1.multiply(pt[0])).multiply(sin)).add(w2.multiply(tmp))};
        }
        return new Gradient[] {
            pt[0].add(rot[1].multiply(pt[2])).subtract(rot[2].multiply(pt[1])),
            pt[1].add(rot[2].multiply(pt[0])).subtract(rot[0].multiply(pt[2])),
            pt[2].add(rot[0].multiply(pt[1])).subtract(rot[1].multiply(pt[0]))};
    }
}
