package dev.fluxion.transformer.ir;

import org.objectweb.asm.Type;

/**
 * A variable read on a path where it was never written. SSA construction yields it where a join
 * merges a defined and an undefined path; such a value is never actually used at run time, and
 * the backend materialises it as the type's zero so the verifier sees a definitely-assigned local.
 */
public final class Undef extends Value {
    public Undef(Type type) {
        super(type);
    }

    @Override
    public String name() {
        return "undef";
    }
}
