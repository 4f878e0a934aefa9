package dev.fluxion.transformer.ir;

/** A field or method named by owner (internal name), name and descriptor. */
public record MemberRef(String owner, String name, String descriptor, boolean isInterface) {
    public MemberRef(String owner, String name, String descriptor) {
        this(owner, name, descriptor, false);
    }

    @Override
    public String toString() {
        return owner.replace('/', '.') + "." + name + descriptor;
    }
}
